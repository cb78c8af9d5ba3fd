package dev.plumbline.validate;

import dev.plumbline.contract.ContractProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The constraints compiled from one contract so far, each kept once, and the problems found on the way. */
final class Compilation {

    private final Set<Constraint> constraints = new LinkedHashSet<>();
    private final List<ContractProblem> problems = new ArrayList<>();

    void add(Constraint constraint) {
        constraints.add(constraint);
    }

    void problem(int line, String path, String message) {
        problems.add(new ContractProblem(line, path, message));
    }

    List<Constraint> constraints() {
        return List.copyOf(constraints);
    }

    List<ContractProblem> problems() {
        return List.copyOf(problems);
    }
}
