package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import java.util.List;

/**
 * Welford's running moments of a column's numeric values: count {@code n}, mean {@code avg} and the sum of
 * squared deviations {@code m2}; partitions merge with Chan et al.'s parallel formula, exact up to
 * floating-point rounding. {@code nonNumeric} counts non-null values that are not numbers.
 */
public record StandardDeviationState(long n, double avg, double m2, long nonNumeric)
        implements State<StandardDeviationState> {

    static StandardDeviationState of(List<JsonNode> rows, String column) {
        long n = 0;
        double avg = 0.0;
        double m2 = 0.0;
        long nonNumeric = 0;
        ColumnVector values = ColumnValues.vector(rows, column);
        for (int i = 0; i < values.size(); i++) {
            byte kind = values.kind(i);
            if (kind == ColumnVector.NULL) {
                continue;
            }
            if (kind != ColumnVector.NUMBER && kind != ColumnVector.BOOLEAN) {
                nonNumeric++;
                continue;
            }
            double x = values.number(i);
            n++;
            double delta = x - avg;
            avg += delta / n;
            m2 += delta * (x - avg);
        }
        return new StandardDeviationState(n, avg, m2, nonNumeric);
    }

    @Override
    public StandardDeviationState merge(StandardDeviationState other) {
        if (other.n == 0 || n == 0) {
            StandardDeviationState nonEmpty = n == 0 ? other : this;
            return new StandardDeviationState(nonEmpty.n, nonEmpty.avg, nonEmpty.m2, nonNumeric + other.nonNumeric);
        }
        long total = n + other.n;
        double delta = other.avg - avg;
        double mergedAvg = avg + delta * other.n / total;
        double mergedM2 = m2 + other.m2 + delta * delta * ((double) n * other.n / total);
        return new StandardDeviationState(total, mergedAvg, mergedM2, nonNumeric + other.nonNumeric);
    }
}
