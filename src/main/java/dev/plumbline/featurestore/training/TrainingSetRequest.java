package dev.plumbline.featurestore.training;

import java.util.List;

/**
 * What a training set is asked for: the feature views to join ({@code name}, or {@code name@version} to pin a
 * version other than the active one is refused, as only active versions are materialized), the label-time
 * column, the label columns the upload carries, and the upload itself (CSV or JSON).
 */
public record TrainingSetRequest(List<String> views, String timeColumn, List<String> labelColumns, String format,
        String uploadName, String body) {

    static final String DEFAULT_TIME_COLUMN = "label_time";

    public TrainingSetRequest {
        views = views == null ? List.of() : views.stream().flatMap(v -> List.of(v.split(",")).stream())
                .map(String::strip).filter(v -> !v.isEmpty()).toList();
        timeColumn = timeColumn == null || timeColumn.isBlank() ? DEFAULT_TIME_COLUMN : timeColumn.strip();
        labelColumns = labelColumns == null ? List.of() : labelColumns.stream()
                .flatMap(v -> List.of(v.split(",")).stream()).map(String::strip).filter(v -> !v.isEmpty())
                .distinct().toList();
    }
}
