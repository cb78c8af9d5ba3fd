package dev.plumbline.contract;

/** Builds the JSON paths that name places in a contract, such as {@code schema[0].properties[2].logicalType}. */
public final class JsonPath {

    public static final String ROOT = "$";

    private JsonPath() {
    }

    public static String field(String parent, String name) {
        return ROOT.equals(parent) ? name : parent + "." + name;
    }

    public static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? ROOT : path.substring(0, cut);
    }

    /** Whether {@code path} is {@code container} or a path inside it. */
    static boolean isAtOrInside(String path, String container) {
        return path.equals(container) || ROOT.equals(container)
                || path.startsWith(container) && (path.charAt(container.length()) == '.'
                        || path.charAt(container.length()) == '[');
    }
}
