package dev.plumbline.validate.constraints;

import java.util.ArrayList;
import java.util.List;

/** Splits a pandas query condition into names, numbers, quoted strings and operators. */
final class ConditionTokens {

    enum Kind { NAME, QUOTED_NAME, NUMBER, STRING, OPERATOR, END }

    record Token(Kind kind, String text, int position) {
        boolean is(String operator) {
            return kind == Kind.OPERATOR && text.equals(operator) || kind == Kind.NAME && text.equals(operator);
        }
    }

    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "<", ">", "&", "|", "~", "(", ")",
            ".", "-");

    private final String text;
    private int at;

    private ConditionTokens(String text) {
        this.text = text;
    }

    static List<Token> of(String text) {
        return new ConditionTokens(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at == text.length()) {
                tokens.add(new Token(Kind.END, "", at));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = at;
        char c = text.charAt(at);
        if (Character.isDigit(c) || c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))) {
            return new Token(Kind.NUMBER, match("\\d*(\\.\\d*)?([eE][+-]?\\d+)?"), start);
        }
        if (c == '"' || c == '\'') {
            return new Token(Kind.STRING, quoted(c), start);
        }
        if (c == '`') {
            return new Token(Kind.QUOTED_NAME, quoted('`'), start);
        }
        if (Character.isLetter(c) || c == '_') {
            return new Token(Kind.NAME, match("[\\p{L}_][\\p{L}\\p{N}_]*"), start);
        }
        for (String operator : OPERATORS) {
            if (text.startsWith(operator, at)) {
                at += operator.length();
                return new Token(Kind.OPERATOR, operator, start);
            }
        }
        throw new IllegalArgumentException("unexpected character '" + c + "' at position " + start);
    }

    private String match(String regex) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex).matcher(text).region(at,
                text.length());
        matcher.lookingAt();
        at = matcher.end();
        return matcher.group();
    }

    private String quoted(char quote) {
        StringBuilder value = new StringBuilder();
        int start = at++;
        while (at < text.length() && text.charAt(at) != quote) {
            char c = text.charAt(at++);
            if (c == '\\' && at < text.length()) {
                c = text.charAt(at++);
            }
            value.append(c);
        }
        if (at == text.length()) {
            throw new IllegalArgumentException("unterminated " + quote + " at position " + start);
        }
        at++;
        return value.toString();
    }
}
