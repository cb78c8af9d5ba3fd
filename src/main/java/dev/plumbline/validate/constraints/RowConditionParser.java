package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.constraints.ConditionTokens.Kind;
import dev.plumbline.validate.constraints.ConditionTokens.Token;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Parses the pandas query subset of {@link RowCondition} by recursive descent; as in pandas, {@code &} and
 * {@code |} bind more loosely than comparisons ({@code a > 1 & b <= 3} needs no parentheses).
 */
final class RowConditionParser {

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final Set<String> NULL_TESTS = Set.of("isnull", "isna", "notnull", "notna");

    private final String expression;
    private final Set<String> known;
    private final Set<String> used = new TreeSet<>();
    private final List<Token> tokens;
    private int at;

    RowConditionParser(String expression, Set<String> known) {
        this.expression = expression;
        this.known = known;
        try {
            this.tokens = ConditionTokens.of(expression);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    RowCondition parse() {
        Predicate<JsonNode> predicate = or();
        if (peek().kind() != Kind.END) {
            throw error("unexpected " + describe(peek()));
        }
        return new RowCondition(expression, used, predicate);
    }

    private Predicate<JsonNode> or() {
        Predicate<JsonNode> left = and();
        while (peek().is("|") || peek().is("or")) {
            at++;
            left = left.or(and());
        }
        return left;
    }

    private Predicate<JsonNode> and() {
        Predicate<JsonNode> left = not();
        while (peek().is("&") || peek().is("and")) {
            at++;
            left = left.and(not());
        }
        return left;
    }

    private Predicate<JsonNode> not() {
        if (peek().is("~") || peek().is("not")) {
            at++;
            return not().negate();
        }
        if (peek().is("(")) {
            at++;
            Predicate<JsonNode> inner = or();
            expect(")");
            return inner;
        }
        return comparison();
    }

    private Predicate<JsonNode> comparison() {
        Function<JsonNode, JsonNode> left = operand();
        if (peek().is(".")) {
            return nullTest(left);
        }
        Token operator = tokens.get(at++);
        if (operator.kind() != Kind.OPERATOR || !COMPARISONS.contains(operator.text())) {
            throw error("expected a comparison (==, !=, <, <=, >, >=), got " + describe(operator));
        }
        Function<JsonNode, JsonNode> right = operand();
        return row -> RowCondition.compare(operator.text(), left.apply(row), right.apply(row));
    }

    private Predicate<JsonNode> nullTest(Function<JsonNode, JsonNode> column) {
        at++;
        Token method = tokens.get(at++);
        if (method.kind() != Kind.NAME || !NULL_TESTS.contains(method.text())) {
            throw error("only .isnull(), .isna(), .notnull() and .notna() can be called, got " + describe(method));
        }
        expect("(");
        expect(")");
        Predicate<JsonNode> isNull = row -> ColumnValues.isNull(column.apply(row));
        return method.text().startsWith("is") ? isNull : isNull.negate();
    }

    private Function<JsonNode, JsonNode> operand() {
        Token token = tokens.get(at++);
        return switch (token.kind()) {
            case NUMBER -> constant(DecimalNode.valueOf(new BigDecimal(token.text())));
            case STRING -> constant(TextNode.valueOf(token.text()));
            case QUOTED_NAME -> column(token);
            case NAME -> switch (token.text()) {
                case "True" -> constant(BooleanNode.TRUE);
                case "False" -> constant(BooleanNode.FALSE);
                case "None", "NaN", "nan" -> constant(NullNode.getInstance());
                default -> column(token);
            };
            case OPERATOR -> negative(token);
            case END -> throw error("the condition ends where a column or value was expected");
        };
    }

    private Function<JsonNode, JsonNode> negative(Token minus) {
        Token number = tokens.get(at++);
        if (!minus.is("-") || number.kind() != Kind.NUMBER) {
            throw error("expected a column or value, got " + describe(minus));
        }
        return constant(DecimalNode.valueOf(new BigDecimal(number.text()).negate()));
    }

    private Function<JsonNode, JsonNode> column(Token name) {
        if (!known.contains(name.text())) {
            throw error("unknown column " + name.text());
        }
        used.add(name.text());
        return row -> ColumnValues.field(row, name.text());
    }

    private static Function<JsonNode, JsonNode> constant(JsonNode value) {
        return row -> value;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private void expect(String operator) {
        Token token = tokens.get(at++);
        if (!token.is(operator)) {
            throw error("expected " + operator + ", got " + describe(token));
        }
    }

    private static String describe(Token token) {
        return token.kind() == Kind.END ? "the end" : "'" + token.text() + "' at position " + token.position();
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("row_condition \"" + expression + "\": " + message);
    }
}
