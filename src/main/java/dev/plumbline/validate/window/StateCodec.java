package dev.plumbline.validate.window;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.validate.analyzers.Analyzer;
import dev.plumbline.validate.analyzers.BaselineDivergence;
import dev.plumbline.validate.analyzers.Mean;
import dev.plumbline.validate.analyzers.PsiState;
import dev.plumbline.validate.analyzers.SketchState;
import dev.plumbline.validate.analyzers.SketchedQuantiles;
import dev.plumbline.validate.analyzers.State;
import dev.plumbline.validate.analyzers.Sum;
import dev.plumbline.validate.analyzers.SumState;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes and reads, as JSON, the states of the analyzers whose rules may be windowed: mean and sum (exact
 * decimal sum and counts), PSI, JS distance and KS statistic (slot counts) and the unit watch's sketched quantiles
 * (bucket counts). Each stored state is keyed by a digest of its analyzer's full
 * definition, so a changed baseline or column starts a new series instead of merging with the old one.
 */
public final class StateCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateCodec() {
    }

    /** Whether the analyzer's states can be stored and merged into windows. */
    public static boolean persistable(Analyzer<?, ?> analyzer) {
        return analyzer instanceof Mean || analyzer instanceof Sum || analyzer instanceof BaselineDivergence
                || analyzer instanceof SketchedQuantiles;
    }

    /** The SHA-256 (hex) of the analyzer's definition. */
    public static String key(Analyzer<?, ?> analyzer) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(analyzer.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String write(State<?> state) {
        ObjectNode json = JSON.createObjectNode();
        if (state instanceof SumState sum) {
            json.put("sum", sum.sum().toPlainString()).put("count", sum.count()).put("nonNumeric", sum.nonNumeric());
        } else if (state instanceof PsiState psi) {
            ArrayNode counts = json.putArray("counts");
            for (long count : psi.counts()) {
                counts.add(count);
            }
            json.put("unplaceable", psi.unplaceable());
        } else if (state instanceof SketchState sketch) {
            writeBuckets(json.putObject("positive"), sketch.positive());
            writeBuckets(json.putObject("negative"), sketch.negative());
            json.put("zeros", sketch.zeros()).put("nonNumeric", sketch.nonNumeric());
        } else {
            throw new IllegalArgumentException("no stored form for " + state.getClass().getSimpleName());
        }
        return json.toString();
    }

    static State<?> read(Analyzer<?, ?> analyzer, String text) {
        JsonNode json = parse(text);
        if (analyzer instanceof Mean || analyzer instanceof Sum) {
            return new SumState(new BigDecimal(json.path("sum").asText()), json.path("count").asLong(),
                    json.path("nonNumeric").asLong());
        }
        if (analyzer instanceof BaselineDivergence) {
            long[] counts = new long[json.path("counts").size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = json.path("counts").get(i).asLong();
            }
            return new PsiState(counts, json.path("unplaceable").asLong());
        }
        if (analyzer instanceof SketchedQuantiles) {
            return new SketchState(readBuckets(json.path("positive")), readBuckets(json.path("negative")),
                    json.path("zeros").asLong(), json.path("nonNumeric").asLong());
        }
        throw new IllegalArgumentException("no stored form for the states of " + analyzer);
    }

    private static void writeBuckets(ObjectNode into, Map<Integer, Long> buckets) {
        buckets.forEach((bucket, count) -> into.put(bucket.toString(), count));
    }

    private static TreeMap<Integer, Long> readBuckets(JsonNode buckets) {
        TreeMap<Integer, Long> read = new TreeMap<>();
        buckets.fields().forEachRemaining(bucket -> read.put(Integer.valueOf(bucket.getKey()),
                bucket.getValue().asLong()));
        return read;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored analyzer state is not JSON: " + text, e);
        }
    }
}
