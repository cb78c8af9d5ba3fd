package dev.plumbline.bench.deequ;

import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import com.amazon.deequ.constraints.Constraint;
import java.util.List;
import scala.Function1;
import scala.Option;
import scala.collection.JavaConverters;
import scala.util.matching.Regex;

/**
 * Expresses a W1 shape with Deequ's {@code Check} API, constraint by constraint in the order of the shape's
 * rules (Deequ reports its constraint results in that order).
 */
final class DeequChecks {

    private DeequChecks() {
    }

    static Check of(Shape shape) {
        Check check = new Check(CheckLevel.Error(), "w1", JavaConverters.asScalaBuffer(List.<Constraint>of()).toSeq());
        for (Rule rule : shape.rules()) {
            check = add(check, rule);
        }
        return check;
    }

    private static Check add(Check check, Rule rule) {
        String column = rule.column();
        return switch (rule.kind()) {
            case COMPLETE -> check.isComplete(column, none(), none());
            case COMPLETENESS -> check.hasCompleteness(column, atLeast(rule.low()), none(), none());
            case UNIQUE -> check.isUnique(column, none(), none());
            case BETWEEN -> check.isContainedIn(column, rule.low(), rule.high(), true, true, none(), none());
            case IN_SET -> check.isContainedIn(column, rule.values().toArray(String[]::new));
            case REGEX -> check.hasPattern(column, new Regex(rule.pattern(), JavaConverters.asScalaBuffer(
                    List.<String>of()).toSeq()), atLeast(1.0), none(), none(), none());
            case MAX_LENGTH -> check.hasMaxLength(column, within(rule), none(), none());
            case MIN -> check.hasMin(column, within(rule), none(), none());
            case MAX -> check.hasMax(column, within(rule), none(), none());
            case MEAN -> check.hasMean(column, within(rule), none());
            case STDEV -> check.hasStandardDeviation(column, within(rule), none());
            case MEDIAN -> check.hasApproxQuantile(column, 0.5, within(rule), none());
            case DISTINCT_COUNT -> check.hasNumberOfDistinctValues(column, within(rule), none(), 1000, none());
            case ROW_COUNT -> check.hasSize(within(rule), none());
        };
    }

    private static Function1<Object, Object> within(Rule rule) {
        return value -> rule.within(((Number) value).doubleValue());
    }

    private static Function1<Object, Object> atLeast(double minimum) {
        return value -> ((Number) value).doubleValue() >= minimum;
    }

    private static <T> Option<T> none() {
        return Option.empty();
    }
}
