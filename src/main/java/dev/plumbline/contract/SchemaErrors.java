package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Picks, out of everything a JSON schema validator reports about one document, the errors an author needs: of a
 * {@code oneOf} or {@code anyOf} only the branch the value was evidently meant to take (the only one whose type
 * fits and whose required fields are there) or else one summary, and no {@code unevaluatedProperties} echo of a
 * known field whose real error is reported elsewhere.
 */
final class SchemaErrors {

    private final DeclaredFields declared;
    private final SchemaErrorWording wording;

    SchemaErrors(JsonNode schemaRoot) {
        this.declared = new DeclaredFields(schemaRoot);
        this.wording = new SchemaErrorWording(declared);
    }

    /** The problems behind the validator's errors, each once, as (path, message) with no line yet. */
    List<ContractProblem> problems(List<Error> errors, JsonNode document) {
        List<SchemaError> all = errors.stream().map(SchemaError::of).toList();
        List<SchemaError> kept = new ArrayList<>();
        Set<ContractProblem> problems = new LinkedHashSet<>();
        select(all, 0, kept, problems, document);
        for (SchemaError error : kept) {
            if (!isEcho(error, all)) {
                problems.add(new ContractProblem(0, wording.pathOf(error), wording.messageOf(error)));
            }
        }
        return List.copyOf(problems);
    }

    /**
     * Keeps the errors outside any combinator branch; for each combinator, either descends into the one branch
     * meant for the value or words a single summary of all branches.
     */
    private void select(List<SchemaError> errors, int from, List<SchemaError> kept, Set<ContractProblem> summaries,
            JsonNode document) {
        Map<Combinator, Map<Integer, List<SchemaError>>> groups = new LinkedHashMap<>();
        List<SchemaError> plain = new ArrayList<>();
        for (SchemaError error : errors) {
            int step = error.branchStep(from);
            if (step < 0) {
                plain.add(error);
            } else {
                Combinator combinator = new Combinator(error.evaluation().subList(0, step + 1),
                        error.containerOf(step));
                groups.computeIfAbsent(combinator, c -> new TreeMap<>())
                        .computeIfAbsent(Integer.valueOf(error.evaluation().get(step + 1)), b -> new ArrayList<>())
                        .add(error);
            }
        }
        groups.forEach((combinator, branches) -> {
            SchemaError summary = plain.stream().filter(combinator::isSummary).findFirst().orElse(null);
            plain.remove(summary);
            List<List<SchemaError>> fitting = branches.values().stream()
                    .filter(branch -> branch.stream().noneMatch(combinator::rulesOut)).toList();
            boolean noneValid = summary == null || summary.error().getSchemaNode().size() == branches.size();
            if (noneValid && fitting.size() == 1) {
                select(fitting.get(0), combinator.evaluation().size() + 1, kept, summaries, document);
            } else {
                String path = SchemaError.pathOf(combinator.container());
                summaries.add(new ContractProblem(0, path, wording.combinatorMessage(summary, branches.values(),
                        combinator.container(), document.at(SchemaErrorWording.pointerOf(combinator.container())))));
            }
        });
        kept.addAll(plain);
    }

    /**
     * Whether the error only repeats another: a field the schema knows, reported as unevaluated because the
     * field itself, something inside the value, or another keyword on it failed (a failing sub-schema's
     * annotations are dropped, so its fields look unevaluated to the schemas around it).
     */
    private boolean isEcho(SchemaError error, List<SchemaError> all) {
        if (!"unevaluatedProperties".equals(error.keyword())) {
            return false;
        }
        boolean failedNearby = all.stream().anyMatch(other -> other.isInside(error.at())
                || other.at().equals(error.at()) && !other.error().getSchemaLocation()
                        .equals(error.error().getSchemaLocation()));
        return failedNearby && declared.of(error.enclosingSchemaPointer()).contains(error.error().getProperty());
    }

    /** A oneOf or anyOf as applied to one value: the evaluation path up to the keyword, and where the value is. */
    private record Combinator(List<String> evaluation, List<Object> container) {

        boolean isSummary(SchemaError error) {
            return error.evaluation().equals(evaluation) && error.at().equals(container);
        }

        /** Whether the error shows the branch was not meant for the value: its type or a field it needs. */
        boolean rulesOut(SchemaError error) {
            return ("type".equals(error.keyword()) || "required".equals(error.keyword()))
                    && error.at().equals(container);
        }
    }
}
