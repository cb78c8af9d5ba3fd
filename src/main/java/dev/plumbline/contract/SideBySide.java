package dev.plumbline.contract;

import java.util.ArrayList;
import java.util.List;

/** Two versions of a document aligned line by line (longest common subsequence), for a side-by-side diff. */
public final class SideBySide {

    /** One row: a line of the base and/or of the proposed document (0 and null where a side has none). */
    public record Row(int baseLine, String base, int proposedLine, String proposed) {

        /** {@code same}, {@code removed}, {@code added} or {@code changed}: the row's CSS class. */
        public String kind() {
            if (base == null) {
                return "added";
            }
            if (proposed == null) {
                return "removed";
            }
            return base.equals(proposed) ? "same" : "changed";
        }
    }

    // Beyond this many cells the table would cost too much memory; the lines are then paired by position.
    private static final long MAX_CELLS = 4_000_000;

    private SideBySide() {
    }

    public static List<Row> of(String baseText, String proposedText) {
        String[] a = baseText == null ? new String[0] : baseText.split("\\R", -1);
        String[] b = proposedText.split("\\R", -1);
        if ((long) a.length * b.length > MAX_CELLS) {
            return byPosition(a, b);
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                rows.add(new Row(i + 1, a[i++], j + 1, b[j++]));
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                rows.add(new Row(0, null, j + 1, b[j++]));
            } else {
                rows.add(new Row(i + 1, a[i++], 0, null));
            }
        }
        return rows;
    }

    private static List<Row> byPosition(String[] a, String[] b) {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < Math.max(a.length, b.length); k++) {
            rows.add(new Row(k < a.length ? k + 1 : 0, k < a.length ? a[k] : null, k < b.length ? k + 1 : 0,
                    k < b.length ? b[k] : null));
        }
        return rows;
    }
}
