package dev.plumbline.validate.constraints;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the patterns of expectation suites into Java patterns: Python regular expressions (searched anywhere in
 * the value, as {@code re.search}) and SQL LIKE patterns (matching the whole value; {@code %} is any run of
 * characters, {@code _} one character, {@code \} escapes either).
 */
public final class Patterns {

    private Patterns() {
    }

    public static List<Pattern> compile(List<String> patterns, boolean like) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("give at least one pattern");
        }
        return patterns.stream().map(pattern -> like ? like(pattern) : regex(pattern)).toList();
    }

    /** Python's named groups {@code (?P<name>…)} and back-references {@code (?P=name)} in Java's syntax. */
    static Pattern regex(String python) {
        String java = python.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>")
                .replace("\\Z", "\\z");
        try {
            return Pattern.compile(java);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regular expression: " + python + " ("
                    + e.getDescription() + ")");
        }
    }

    static Pattern like(String like) {
        StringBuilder regex = new StringBuilder("\\A");
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.append("\\z").toString(), Pattern.DOTALL);
    }
}
