package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.plumbline.validate.constraints.Timestamps;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Great Expectations suite parameter written as {@code {"$PARAMETER": "..."}} whose expression needs no value
 * supplied at run time: numbers with {@code + - * /}, {@code now()} (the validation time, UTC),
 * {@code datetime(y, m, d[, h, min, s])} and
 * {@code timedelta(weeks=…, days=…, hours=…, minutes=…, seconds=…)}.
 * A timestamp evaluates to ISO-8601 text. An expression naming any other parameter is refused, since Plumbline
 * supplies no parameters to a contract.
 */
final class SuiteParameter {

    private static final Pattern TOKEN = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?|[A-Za-z_]\\w*|[-+*/(),=])");

    private final String expression;
    private final Clock clock;
    private final List<String> tokens = new ArrayList<>();
    private int at;

    private SuiteParameter(String expression, Clock clock) {
        this.expression = expression;
        this.clock = clock;
        Matcher matcher = TOKEN.matcher(expression);
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            tokens.add(matcher.group(1));
            end = matcher.end();
        }
        if (!expression.substring(end).isBlank()) {
            throw error("cannot read \"" + expression.substring(end).strip() + "\"");
        }
    }

    /** Whether a keyword argument is given as a suite parameter. */
    static boolean is(JsonNode value) {
        return value != null && value.isObject() && value.size() == 1 && value.has("$PARAMETER");
    }

    /** The parameter's value: a number, or a timestamp as ISO-8601 text. */
    static JsonNode evaluate(JsonNode parameter, Clock clock) {
        JsonNode text = parameter.get("$PARAMETER");
        if (!text.isTextual()) {
            throw new IllegalArgumentException("$PARAMETER must be an expression, got " + text);
        }
        SuiteParameter parser = new SuiteParameter(text.textValue(), clock);
        Object value = parser.sum();
        if (parser.at < parser.tokens.size()) {
            throw parser.error("unexpected \"" + parser.tokens.get(parser.at) + "\"");
        }
        if (value instanceof BigDecimal number) {
            return DecimalNode.valueOf(number.stripTrailingZeros());
        }
        if (value instanceof LocalDateTime timestamp) {
            return TextNode.valueOf(Timestamps.iso(timestamp));
        }
        throw parser.error("is a time span, not a value to compare with");
    }

    private Object sum() {
        Object left = product();
        while (peek("+") || peek("-")) {
            boolean plus = tokens.get(at++).equals("+");
            left = Arithmetic.add(left, product(), plus, this::error);
        }
        return left;
    }

    private Object product() {
        Object left = factor();
        while (peek("*") || peek("/")) {
            boolean times = tokens.get(at++).equals("*");
            left = Arithmetic.multiply(left, factor(), times, this::error);
        }
        return left;
    }

    private Object factor() {
        String token = next();
        if (token.equals("-")) {
            return Arithmetic.multiply(factor(), BigDecimal.ONE.negate(), true, this::error);
        }
        if (token.equals("(")) {
            Object inner = sum();
            expect(")");
            return inner;
        }
        if (Character.isDigit(token.charAt(0))) {
            return new BigDecimal(token);
        }
        if (!peek("(")) {
            throw error("refers to suite parameter \"" + token + "\", which Plumbline does not supply; give the value");
        }
        return SuiteFunctions.call(token, arguments(), clock, this::error);
    }

    private Map<String, BigDecimal> arguments() {
        expect("(");
        Map<String, BigDecimal> arguments = new LinkedHashMap<>();
        while (!peek(")")) {
            String name = at + 1 < tokens.size() && tokens.get(at + 1).equals("=") ? next() : null;
            if (name != null) {
                expect("=");
            }
            Object value = sum();
            if (!(value instanceof BigDecimal number)) {
                throw error("function arguments must be numbers");
            }
            arguments.put(name != null ? name : String.valueOf(arguments.size()), number);
            if (!peek(")")) {
                expect(",");
            }
        }
        at++;
        return arguments;
    }

    private boolean peek(String token) {
        return at < tokens.size() && tokens.get(at).equals(token);
    }

    private String next() {
        if (at == tokens.size()) {
            throw error("ends too early");
        }
        return tokens.get(at++);
    }

    private void expect(String token) {
        if (!next().equals(token)) {
            throw error("expected \"" + token + "\"");
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("$PARAMETER \"" + expression + "\" " + message);
    }
}
