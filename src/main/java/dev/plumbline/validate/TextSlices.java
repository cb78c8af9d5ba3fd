package dev.plumbline.validate;

/**
 * The texts of one column held as ranges of the payloads they were read from, so that a key, a reference or a
 * timestamp read from a million rows makes no string unless a rule asks for one: on a large batch those strings
 * were most of what the garbage collector copied. Only texts without escapes are held this way (their characters
 * are the payload's).
 */
final class TextSlices {

    private final String[] sources;
    private final int[] starts;
    private final int[] ends;

    TextSlices(int size) {
        sources = new String[size];
        starts = new int[size];
        ends = new int[size];
    }

    void set(int row, String source, int start, int end) {
        sources[row] = source;
        starts[row] = start;
        ends[row] = end;
    }

    void clear(int row) {
        sources[row] = null;
    }

    boolean has(int row) {
        return sources[row] != null;
    }

    String source(int row) {
        return sources[row];
    }

    int start(int row) {
        return starts[row];
    }

    int end(int row) {
        return ends[row];
    }

    String text(int row) {
        return sources[row].substring(starts[row], ends[row]);
    }
}
