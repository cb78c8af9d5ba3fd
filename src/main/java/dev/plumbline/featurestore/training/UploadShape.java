package dev.plumbline.featurestore.training;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns an upload of entity rows must and may have: the label-time column, the entity key of each feature
 * view joined, and the label columns the request names, all
 * required. Any other column is refused, so a typo in a column name
 * is an error rather than a silently missing label.
 */
public record UploadShape(String timeColumn, Set<String> entityColumns, List<String> labelColumns) {

    public UploadShape {
        if (timeColumn == null || timeColumn.isBlank()) {
            throw new BadUpload("name the label-time column (time_column)");
        }
        entityColumns = Set.copyOf(entityColumns);
        labelColumns = List.copyOf(labelColumns);
        for (String label : labelColumns) {
            if (label.equals(timeColumn) || entityColumns.contains(label)) {
                throw new BadUpload("label column \"" + label + "\" is also the label time or an entity key");
            }
        }
    }

    /** Every column allowed, in the order a header would list them. */
    Set<String> allowed() {
        Set<String> allowed = new LinkedHashSet<>(entityColumns);
        allowed.add(timeColumn);
        allowed.addAll(labelColumns);
        return allowed;
    }
}
