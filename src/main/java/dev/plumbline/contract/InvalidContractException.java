package dev.plumbline.contract;

import java.util.List;
import java.util.stream.Collectors;

/** A contract that cannot be accepted, with every problem found in it. */
public class InvalidContractException extends RuntimeException {

    private final List<ContractProblem> problems;

    public InvalidContractException(List<ContractProblem> problems) {
        super(problems.stream().map(ContractProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ContractProblem> problems() {
        return problems;
    }
}
