package dev.plumbline.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.monitor.history.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

/**
 * One chart of a dataset's trends: its series aligned on shared buckets (uPlot's data shape), the reference
 * lines drawn across it (thresholds, PSI's 0.1 and 0.2 bands), and the same figures as words and as a table
 * for those who do not see the chart.
 */
public record TrendChart(String id, String title, String unit, List<Series> series, List<Band> bands,
        DoubleFunction<String> format) {

    /** A horizontal reference line, such as an alert threshold. */
    public record Band(double value, String label) {
    }

    /** One row of the text alternative: a bucket and each series' value in it ("—" where it has none). */
    public record Row(Instant bucket, List<String> values) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A PSI chart: three decimals, with the 0.1 (moderate) and 0.2 (significant) bands. */
    public static TrendChart psi(String id, String title, List<Series> series) {
        return new TrendChart(id, title, "", series, List.of(new Band(0.1, "0.1 moderate"),
                new Band(0.2, "0.2 significant")), v -> String.format(Locale.ROOT, "%.3f", v));
    }

    public boolean empty() {
        return series.isEmpty();
    }

    /** The name of each series, from the labels that tell the series apart. */
    public List<String> names() {
        return series.stream().map(TrendChart::name).toList();
    }

    /** The chart in words: per series its latest value and its range over the period shown. */
    public String summary() {
        if (series.isEmpty()) {
            return title + ": no data in this period.";
        }
        String resolution = series.get(0).resolution().name().toLowerCase(Locale.ROOT);
        return title + ", one point per " + resolution + ": " + series.stream()
                .map(s -> name(s) + " latest " + text(s.latest()) + ", lowest " + text(s.low()) + ", highest "
                        + text(s.high()))
                .collect(Collectors.joining("; ")) + ".";
    }

    /** Every bucket with each series' mean in it, newest first. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<Map<Instant, Double>> byBucket = series.stream().map(TrendChart::means).toList();
        for (Instant bucket : buckets().descendingSet()) {
            rows.add(new Row(bucket, byBucket.stream()
                    .map(m -> m.containsKey(bucket) ? format.apply(m.get(bucket)) : "—").toList()));
        }
        return rows;
    }

    /** What the chart script draws: {@code {"x": [epoch seconds], "series": [{"name", "values"}], "bands"}}. */
    public String dataJson() {
        TreeSet<Instant> buckets = buckets();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unit", unit);
        data.put("x", buckets.stream().map(Instant::getEpochSecond).toList());
        data.put("series", series.stream().map(s -> {
            Map<Instant, Double> means = means(s);
            return Map.of("name", name(s), "values", buckets.stream().map(means::get).toList());
        }).toList());
        data.put("bands", bands);
        try {
            return JSON.writeValueAsString(data).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TreeSet<Instant> buckets() {
        return series.stream().flatMap(s -> s.points().stream()).map(Series.Point::bucket)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private String text(OptionalDouble value) {
        return value.isPresent() ? format.apply(value.getAsDouble()) : "—";
    }

    private static Map<Instant, Double> means(Series series) {
        Map<Instant, Double> means = new LinkedHashMap<>();
        series.points().forEach(p -> means.put(p.bucket(), p.mean()));
        return means;
    }

    private static String name(Series series) {
        Map<String, String> labels = new LinkedHashMap<>(series.labels());
        labels.remove("dataset");
        labels.remove("topic");
        return labels.isEmpty() ? series.metric().replace('_', ' ')
                : labels.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
