package dev.plumbline.alert;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One Alertmanager matcher, {@code team="payments-data"}, {@code severity=~"critical|error"}: equality,
 * inequality, or a regular expression anchored at both ends. A missing label matches as the empty string.
 */
public record LabelMatcher(String name, Op op, String value, Pattern pattern) {

    /** How a matcher compares a label's value. */
    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    private static final Pattern SYNTAX =
            Pattern.compile("^\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\"\\s]*))\\s*$");

    /** Parses {@code name op "value"} (the quotes may be left out of a value without spaces). */
    public static LabelMatcher parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a matcher: '" + text + "' (write label=\"value\", !=, =~ or !~)");
        }
        String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(4);
        Op op = switch (m.group(2)) {
            case "=" -> Op.EQUAL;
            case "!=" -> Op.NOT_EQUAL;
            case "=~" -> Op.REGEX;
            default -> Op.NOT_REGEX;
        };
        return of(m.group(1), op, value);
    }

    public static LabelMatcher of(String name, Op op, String value) {
        try {
            Pattern pattern = op == Op.REGEX || op == Op.NOT_REGEX ? Pattern.compile("^(?:" + value + ")$") : null;
            return new LabelMatcher(name, op, value, pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a regular expression in matcher " + name + op.symbol + "\""
                    + value + "\": " + e.getDescription(), e);
        }
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (op) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> pattern.matcher(actual).matches();
            case NOT_REGEX -> !pattern.matcher(actual).matches();
        };
    }

    @Override
    public String toString() {
        return name + op.symbol + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
