package dev.plumbline.validate.constraints;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python {@code strptime} format ({@code %Y-%m-%d %H:%M:%S}), checked as Python parses: numeric fields take
 * their 1–2 (or 4) digits, the whole value must be consumed, and the date must exist (no 30 February). Only the
 * directives Python's {@code strptime} accepts are supported; locale-dependent ones ({@code %c %x %X}) and week
 * numbers are refused.
 */
public record StrftimeFormat(String format) {

    private static final Map<Character, String> FIELDS = Map.ofEntries(
            Map.entry('Y', "(?<Y>\\d{4})"), Map.entry('m', "(?<m>1[0-2]|0[1-9]|[1-9])"),
            Map.entry('d', "(?<d>3[01]|[12]\\d|0[1-9]|[1-9])"), Map.entry('y', "(?<y>\\d\\d)"),
            Map.entry('H', "(?:2[0-3]|[01]\\d|\\d)"), Map.entry('I', "(?:1[0-2]|0[1-9]|[1-9])"),
            Map.entry('M', "(?:[0-5]\\d|\\d)"), Map.entry('S', "(?:6[01]|[0-5]\\d|\\d)"),
            Map.entry('f', "\\d{1,6}"),
            Map.entry('j', "(?:36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|[1-9])"),
            Map.entry('p', "(?:AM|PM|am|pm)"), Map.entry('z', "(?:Z|[+-]\\d\\d:?\\d\\d(?::?\\d\\d)?)"),
            Map.entry('Z', "(?:UTC|GMT|[A-Z]{3,4})?"), Map.entry('%', "%"),
            Map.entry('b', "(?<b>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"),
            Map.entry('B', "(?<B>(?i:january|february|march|april|may|june|july|august|september|october|november"
                    + "|december))"),
            Map.entry('a', "(?i:mon|tue|wed|thu|fri|sat|sun)"),
            Map.entry('A', "(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"));

    public StrftimeFormat {
        pattern(format);
    }

    public boolean matches(String value) {
        Pattern pattern = pattern(format);
        Matcher matcher = pattern.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        Map<String, String> groups = new HashMap<>();
        for (String name : new String[] {"Y", "y", "m", "d", "b", "B"}) {
            if (pattern.pattern().contains("(?<" + name + ">")) {
                groups.put(name, matcher.group(name));
            }
        }
        return dateExists(groups);
    }

    private static boolean dateExists(Map<String, String> groups) {
        int year = groups.containsKey("Y") ? Integer.parseInt(groups.get("Y"))
                : groups.containsKey("y") ? 1900 + Integer.parseInt(groups.get("y")) : 1900;
        int month = groups.containsKey("m") ? Integer.parseInt(groups.get("m")) : monthOfName(groups);
        int day = groups.containsKey("d") ? Integer.parseInt(groups.get("d")) : 1;
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static int monthOfName(Map<String, String> groups) {
        String name = groups.getOrDefault("b", groups.get("B"));
        String months = "janfebmaraprmayjunjulaugsepoctnovdec";
        return name == null ? 1 : months.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) / 3 + 1;
    }

    private static Pattern pattern(String format) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%') {
                String field = i + 1 < format.length() ? FIELDS.get(format.charAt(i + 1)) : null;
                if (field == null) {
                    throw new IllegalArgumentException("Unable to use provided strftime_format \"" + format
                            + "\": unsupported directive " + format.substring(i, Math.min(i + 2, format.length())));
                }
                if (regex.indexOf(field) >= 0 && field.startsWith("(?<")) {
                    throw new IllegalArgumentException("Unable to use provided strftime_format \"" + format
                            + "\": a directive is repeated");
                }
                regex.append(field);
                i++;
            } else {
                regex.append(Character.isWhitespace(c) ? "\\s+" : Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
