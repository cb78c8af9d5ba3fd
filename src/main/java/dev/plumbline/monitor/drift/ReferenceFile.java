package dev.plumbline.monitor.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one column of an uploaded reference file into a {@link ReferenceBaseline}: CSV with a header row (fields
 * may be quoted, "" for a quote; an empty field is a null) or NDJSON, one JSON object per line (a missing key is a
 * null). Every refusal names the line.
 */
final class ReferenceFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceFile() {
    }

    /** Reads the column from a body sent as {@code text/csv} or {@code application/x-ndjson}. */
    static void read(String body, String type, String column, ReferenceBaseline baseline) {
        String media = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (media.startsWith("text/csv")) {
            readCsv(body == null ? "" : body, column, baseline);
        } else if (media.startsWith("application/x-ndjson")) {
            readNdjson(body == null ? "" : body, column, baseline);
        } else {
            throw new IllegalArgumentException("send the reference as text/csv (with a header row) or "
                    + "application/x-ndjson, got " + (type == null ? "no Content-Type" : type));
        }
    }

    static void readCsv(String text, String column, ReferenceBaseline baseline) {
        String[] lines = text.split("\r?\n", -1);
        List<String> header = fields(lines[0], 1);
        int at = header.indexOf(column);
        if (at < 0) {
            throw new IllegalArgumentException("line 1: the header has no column " + column + "; it has " + header);
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty() && i == lines.length - 1) {
                break;
            }
            List<String> fields = fields(lines[i], i + 1);
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + fields.size() + " fields, the header has "
                        + header.size());
            }
            String field = fields.get(at);
            baseline.add(field.isEmpty() ? null : JsonNodeFactory.instance.textNode(field), "line " + (i + 1));
        }
    }

    static void readNdjson(String text, String column, ReferenceBaseline baseline) {
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonNode record;
            try {
                record = JSON.readTree(lines[i]);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": not JSON: " + e.getOriginalMessage());
            }
            if (!record.isObject()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": not a JSON object");
            }
            baseline.add(record.get(column), "line " + (i + 1));
        }
    }

    private static List<String> fields(String line, int number) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + number + ": a quoted field does not end on its line");
        }
        fields.add(field.toString());
        return fields;
    }
}
