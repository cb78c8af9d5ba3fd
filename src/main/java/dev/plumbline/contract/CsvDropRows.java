package dev.plumbline.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.contract.OdcsContract.SchemaProperty;
import dev.plumbline.ingest.CsvRecords;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rows of a dropped CSV file as JSON records, one object per line under the header's names. A cell is read as
 * its column's type in the dataset's contract says: a number where it is a JSON number (else it stays text, and
 * the type rule quarantines it with what it was; leading zeros are read, as spreadsheets write them), a boolean where it is {@code true} or {@code false}, text
 * otherwise; an empty cell is null. A file that is not CSV, or a line with a different number of fields than the
 * header, is refused whole with its line: the sender fixes the file, rather than the queue filling with fragments.
 */
final class CsvDropRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private CsvDropRows() {
    }

    /** The records as UTF-8 JSON; throws {@link IllegalArgumentException} naming the lines of a malformed file. */
    static List<byte[]> read(String text, Map<String, String> types, int maxRecords) {
        List<CsvRecords.Record> records = CsvRecords.read(text, maxRecords + 1, "records");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the file is empty: expected a header line, then one line per record");
        }
        List<String> header = records.get(0).fields().stream().map(String::strip).toList();
        List<String> problems = new ArrayList<>();
        List<byte[]> rows = new ArrayList<>(records.size() - 1);
        for (CsvRecords.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != header.size()) {
                problems.add("line " + record.line() + ": " + record.fields().size() + " fields, the header has "
                        + header.size());
                continue;
            }
            ObjectNode row = JSON.createObjectNode();
            for (int i = 0; i < header.size(); i++) {
                put(row, header.get(i), record.fields().get(i), types.getOrDefault(header.get(i), "string"));
            }
            rows.add(row.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems.subList(0, Math.min(20, problems.size())))
                    + (problems.size() > 20 ? "; and " + (problems.size() - 20) + " more" : ""));
        }
        return rows;
    }

    /** Each property's logical type in the contract's first schema object, by name. */
    static Map<String, String> types(OdcsContract contract) {
        Map<String, String> types = new HashMap<>();
        if (contract != null && contract.schema() != null && !contract.schema().isEmpty()
                && contract.schema().get(0).properties() != null) {
            for (SchemaProperty property : contract.schema().get(0).properties()) {
                if (property.logicalType() != null) {
                    types.put(property.name(), property.logicalType());
                }
            }
        }
        return types;
    }

    private static void put(ObjectNode row, String name, String cell, String type) {
        if (cell.isEmpty()) {
            row.putNull(name);
        } else if ((type.equals("number") || type.equals("integer")) && NUMBER.matcher(cell.strip()).matches()
                && cell.strip().length() < 500) {
            row.put(name, new BigDecimal(cell.strip()));
        } else if (type.equals("boolean") && (cell.strip().equalsIgnoreCase("true")
                || cell.strip().equalsIgnoreCase("false"))) {
            row.put(name, Boolean.parseBoolean(cell.strip().toLowerCase(Locale.ROOT)));
        } else {
            row.put(name, cell);
        }
    }
}
