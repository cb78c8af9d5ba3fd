package dev.plumbline.validate.history;

import dev.plumbline.contract.ContractProblem;
import dev.plumbline.contract.OdcsContract;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The problems of a contract's key rules: relationships that cannot be read, and foreign keys whose target is
 * not a registered dataset's key column (a dataset can only be referenced once its contract keeps those keys).
 */
public final class KeyLint {

    private KeyLint() {
    }

    public static List<ContractProblem> problems(OdcsContract contract, KeyTargets targets) {
        List<ContractProblem> problems = new ArrayList<>();
        KeyRules rules = KeyRules.read(contract, problems);
        for (Reference reference : rules.references()) {
            Optional<KeyTargets.Target> target = reference.dataset().equals(rules.objectName())
                    ? Optional.of(own(contract, rules)) : targets.find(reference.dataset());
            String problem = target.isEmpty() ? "no dataset named \"" + reference.dataset() + "\" is registered; "
                    + "register it, with a contract marking " + reference.target() + " unique or primaryKey, "
                    + "before referring to it" : problem(reference, target.get());
            if (problem != null) {
                problems.add(new ContractProblem(reference.line(), reference.path() + ".to", problem));
            }
        }
        problems.sort(Comparator.comparingInt(ContractProblem::line));
        return problems;
    }

    private static String problem(Reference reference, KeyTargets.Target target) {
        if (!target.contracted()) {
            return "dataset \"" + reference.dataset() + "\" has no active contract, so none of its keys are kept";
        }
        if (!target.columns().contains(reference.targetColumn())) {
            return "dataset \"" + reference.dataset() + "\" has no property \"" + reference.targetColumn() + "\"";
        }
        if (!target.keyColumns().contains(reference.targetColumn())) {
            return reference.target() + " is not a key: the contract of " + reference.dataset() + " must mark it "
                    + "unique or primaryKey, so that its accepted keys are kept";
        }
        return null;
    }

    private static KeyTargets.Target own(OdcsContract contract, KeyRules rules) {
        return new KeyTargets.Target(true, Set.copyOf(contract.schema().get(0).properties().stream()
                .map(p -> p.name()).toList()), Set.copyOf(rules.uniqueColumns()));
    }
}
