package dev.plumbline.monitor.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** A metric's history for one label set at one resolution, oldest point first. */
public record Series(String metric, Map<String, String> labels, Resolution resolution, List<Point> points) {

    /** One bucket: the weighted mean of its samples, their lowest and highest value. */
    public record Point(Instant bucket, double mean, double low, double high) {
    }

    public OptionalDouble latest() {
        return points.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(points.get(points.size() - 1).mean());
    }

    public OptionalDouble low() {
        return points.stream().mapToDouble(Point::low).min();
    }

    public OptionalDouble high() {
        return points.stream().mapToDouble(Point::high).max();
    }
}
