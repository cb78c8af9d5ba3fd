package dev.plumbline.validate.history;

/** One key to look up in a dataset's history: the dataset's name, the key column and the key's text. */
record KeyProbe(String dataset, String column, String key) {
}
