package dev.plumbline.transform;

import dev.plumbline.contract.ActiveContract;
import dev.plumbline.contract.OdcsContract;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields a source dataset's active contract declares (name to logical type) and its event-time field. */
public record SourceSchema(String dataset, String contractVersion, Map<String, String> fields, String eventTimeField) {

    public static SourceSchema of(ActiveContract active) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (OdcsContract.SchemaObject object : active.contract().schema()) {
            object.properties().forEach(p -> fields.putIfAbsent(p.name(), p.logicalType()));
        }
        return new SourceSchema(active.datasetName(), active.version(), Map.copyOf(fields), active.eventTimeField());
    }

    public boolean declares(String field) {
        return fields.containsKey(field);
    }

    public boolean isNumeric(String field) {
        String type = fields.get(field);
        return "number".equals(type) || "integer".equals(type);
    }
}
