package dev.plumbline.featurestore.training;

import java.util.List;

/** An upload of entity rows refused, with every problem found (each naming its line where it has one). */
public class BadUpload extends RuntimeException {

    private final List<String> problems;

    public BadUpload(String problem) {
        this(List.of(problem));
    }

    public BadUpload(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems in the upload: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
