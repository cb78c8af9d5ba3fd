package dev.plumbline.featurestore.training;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.ingest.CsvRecords;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads uploaded entity rows, CSV with a header line or a JSON array of objects, against an {@link UploadShape}:
 * unknown or missing columns, empty entity keys, unreadable or future label times, an empty or oversized upload
 * are each refused with the line they are on, and nothing is joined unless every row is sound.
 */
final class EntityRowsParser {

    static final int MAX_ROWS = 1_000_000;
    static final int MAX_PROBLEMS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UploadShape shape;
    private final Instant now;
    private final List<String> problems = new ArrayList<>();

    EntityRowsParser(UploadShape shape, Instant now) {
        this.shape = shape;
        this.now = now;
    }

    EntityRows csv(String text) {
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.read(text, MAX_ROWS + 1, "entity rows");
        } catch (CsvRecords.TooMany e) {
            throw new BadUpload(e.getMessage() + ": split it into several training sets");
        } catch (CsvRecords.Malformed e) {
            throw new BadUpload(e.getMessage());
        }
        if (records.isEmpty()) {
            throw new BadUpload("the file is empty: expected a header line naming " + String.join(", ",
                    shape.allowed()) + ", then one line per entity row");
        }
        List<String> columns = records.get(0).fields().stream().map(String::strip).toList();
        header(columns, 1);
        if (records.size() == 1) {
            throw new BadUpload("the file has a header but no entity rows");
        }
        List<EntityRows.Row> rows = new ArrayList<>();
        for (CsvRecords.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != columns.size()) {
                problem("line " + record.line() + ": " + record.fields().size() + " fields, the header has "
                        + columns.size());
                continue;
            }
            row(columns, record.line(), record.fields().toArray(String[]::new), rows);
        }
        return done(new EntityRows("csv", columns, rows));
    }

    EntityRows json(String text) {
        List<String> columns = List.copyOf(shape.allowed());
        List<EntityRows.Row> rows = new ArrayList<>();
        try (JsonParser parser = new JsonFactory(JSON).createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new BadUpload("line " + parser.currentLocation().getLineNr() + ": expected a JSON array of "
                        + "objects, one per entity row, such as [{\"" + String.join("\": …, \"", columns) + "\": …}]");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int line = parser.currentLocation().getLineNr();
                if (rows.size() == MAX_ROWS) {
                    throw new BadUpload("the upload has more than " + MAX_ROWS + " entity rows (line " + line
                            + " is past the limit): split it into several training sets");
                }
                JsonNode object = JSON.readTree(parser);
                String[] values = values(object, columns, line);
                if (values != null) {
                    row(columns, line, values, rows);
                }
            }
            if (parser.currentToken() != JsonToken.END_ARRAY || parser.nextToken() != null) {
                throw new BadUpload("line " + parser.currentLocation().getLineNr()
                        + ": expected only objects in the array, and nothing after it");
            }
        } catch (JsonProcessingException e) {
            throw new BadUpload("line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ": not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadUpload("not JSON: " + e.getMessage());
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            throw new BadUpload("the upload has no entity rows: expected a JSON array of objects");
        }
        return done(new EntityRows("json", columns, rows));
    }

    private String[] values(JsonNode object, List<String> columns, int line) {
        String[] values = new String[columns.size()];
        boolean sound = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            int i = columns.indexOf(field.getKey());
            if (i < 0) {
                problem("line " + line + ": unknown column \"" + field.getKey() + "\"; expected " + expected());
                sound = false;
            } else if (field.getValue().isContainerNode()) {
                problem("line " + line + ": " + field.getKey() + " is " + field.getValue().getNodeType()
                        .name().toLowerCase(java.util.Locale.ROOT) + ", expected a string, number or boolean");
                sound = false;
            } else {
                values[i] = field.getValue().isNull() ? "" : field.getValue().asText();
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (values[i] == null && sound) {
                problem("line " + line + ": no \"" + columns.get(i) + "\"; every row needs " + expected());
                sound = false;
            }
        }
        return sound ? values : null;
    }

    private void header(List<String> columns, int line) {
        List<String> header = new ArrayList<>();
        for (String column : columns) {
            if (header.contains(column)) {
                problem("line " + line + ": column \"" + column + "\" appears twice in the header");
            } else if (!shape.allowed().contains(column)) {
                problem("line " + line + ": unknown column \"" + column + "\"; expected " + expected()
                        + " (name label columns with label_columns)");
            }
            header.add(column);
        }
        for (String required : shape.allowed()) {
            if (!columns.contains(required)) {
                problem("line " + line + ": the header has no column \"" + required + "\""
                        + (shape.entityColumns().contains(required) ? ", the entity key of a feature view joined"
                                : required.equals(shape.timeColumn()) ? ", the label time" : ", a label column named"));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadUpload(problems);
        }
    }

    private void row(List<String> columns, int line, String[] values, List<EntityRows.Row> rows) {
        for (String entity : shape.entityColumns()) {
            if (values[columns.indexOf(entity)].isBlank()) {
                problem("line " + line + ": " + entity + " is empty");
                return;
            }
        }
        String time = values[columns.indexOf(shape.timeColumn())];
        try {
            Instant labelTime = LabelTimes.parse(time);
            if (labelTime.isAfter(now)) {
                problem("line " + line + ": label time " + time + " is in the future; features as of it are not "
                        + "known yet");
                return;
            }
            rows.add(new EntityRows.Row(line, values, labelTime));
        } catch (IllegalArgumentException e) {
            problem("line " + line + ": " + shape.timeColumn() + " " + e.getMessage());
        }
    }

    private String expected() {
        return String.join(", ", shape.allowed());
    }

    private void problem(String problem) {
        problems.add(problem);
        if (problems.size() == MAX_PROBLEMS) {
            problems.add("… stopped after " + MAX_PROBLEMS + " problems");
            throw new BadUpload(problems);
        }
    }

    private EntityRows done(EntityRows rows) {
        if (!problems.isEmpty()) {
            throw new BadUpload(problems);
        }
        return rows;
    }
}
