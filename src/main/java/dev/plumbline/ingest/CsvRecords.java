package dev.plumbline.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it (comma-separated, fields optionally in double quotes, {@code ""} for a quote
 * inside one, line breaks inside quotes allowed, CRLF or LF), keeping the line each record starts on for errors.
 */
public final class CsvRecords {

    /** One record and the line (1-based) it starts on. */
    public record Record(int line, List<String> fields) {
    }

    /** Text that is not CSV, or more records than allowed; the message names the line. */
    public static class Malformed extends IllegalArgumentException {

        Malformed(String message) {
            super(message);
        }
    }

    /** More records than the reader was allowed. */
    public static final class TooMany extends Malformed {

        TooMany(String message) {
            super(message);
        }
    }

    private final String text;
    private int at;
    private int line = 1;

    private CsvRecords(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Every record; blank lines are skipped. Throws {@link Malformed} for an unclosed quote or text after one, and
     * {@link TooMany} past {@code maxRecords} records, counting them as {@code what} ("entity rows").
     */
    public static List<Record> read(String text, int maxRecords, String what) {
        CsvRecords reader = new CsvRecords(text);
        List<Record> records = new ArrayList<>();
        while (reader.at < reader.text.length()) {
            int start = reader.line;
            List<String> fields = reader.record();
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue;
            }
            if (records.size() == maxRecords) {
                throw new TooMany("the file has more than " + (maxRecords - 1) + " " + what + " (line " + start
                        + " is past the limit)");
            }
            records.add(new Record(start, fields));
        }
        return records;
    }

    private List<String> record() {
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(field());
            if (at >= text.length()) {
                return fields;
            }
            char c = text.charAt(at++);
            if (c == '\n') {
                line++;
                return fields;
            }
            if (c == '\r') {
                if (at < text.length() && text.charAt(at) == '\n') {
                    at++;
                }
                line++;
                return fields;
            }
        }
    }

    /** One field, up to (not including) the next comma or line end. */
    private String field() {
        if (at < text.length() && text.charAt(at) == '"') {
            return quoted();
        }
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            if (c == '"') {
                throw new Malformed("line " + line + ": a quote inside an unquoted field; quote the whole field "
                        + "and double the quote (\"\")");
            }
            at++;
        }
        return text.substring(start, at);
    }

    private String quoted() {
        int opened = line;
        StringBuilder value = new StringBuilder();
        at++;
        while (true) {
            if (at >= text.length()) {
                throw new Malformed("line " + opened + ": a quoted field is never closed");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                if (at < text.length() && text.charAt(at) == '"') {
                    value.append('"');
                    at++;
                    continue;
                }
                if (at < text.length() && ",\r\n".indexOf(text.charAt(at)) < 0) {
                    throw new Malformed("line " + line + ": text after a closing quote; a quote inside a quoted "
                            + "field is written twice (\"\")");
                }
                return value.toString();
            }
            if (c == '\n') {
                line++;
            }
            value.append(c);
        }
    }
}
