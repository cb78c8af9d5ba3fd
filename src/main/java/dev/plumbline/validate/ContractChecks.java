package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.contract.ContractProblem;
import dev.plumbline.contract.InvalidContractException;
import dev.plumbline.contract.OdcsContract;
import dev.plumbline.contract.OdcsContract.QualityRule;
import dev.plumbline.contract.OdcsContract.SchemaObject;
import dev.plumbline.contract.OdcsContract.SchemaProperty;
import dev.plumbline.contract.RuleLinter;
import dev.plumbline.validate.freshness.ServiceLevels;
import dev.plumbline.validate.history.KeyLint;
import dev.plumbline.validate.history.KeyTargets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles the rules on the properties of a contract's first schema object (the dataset it describes) into the
 * check Plumbline runs on its micro-batches, and reports the rules it cannot run.
 */
@ApplicationScoped
public class ContractChecks implements RuleLinter {

    private final KeyTargets targets;

    /** Checks that know no other dataset, so every foreign key is a problem; for checks without a database. */
    public ContractChecks() {
        this(KeyTargets.NONE);
    }

    @Inject
    public ContractChecks(KeyTargets targets) {
        this.targets = targets;
    }

    public Check compile(OdcsContract contract) {
        Compilation compilation = compilation(contract);
        if (!compilation.problems().isEmpty()) {
            throw new InvalidContractException(compilation.problems());
        }
        return new Check(checkName(contract), compilation.constraints());
    }

    /**
     * Every rule the engine cannot run: the batch rules', the key rules' (a foreign key must point at a
     * registered dataset's unique or primaryKey property) and the service levels' problems.
     */
    @Override
    public List<ContractProblem> lint(OdcsContract contract) {
        List<ContractProblem> problems = new ArrayList<>(compilation(contract).problems());
        problems.addAll(KeyLint.problems(contract, targets));
        ServiceLevels.read(contract, problems);
        problems.sort(Comparator.comparingInt(ContractProblem::line));
        return problems;
    }

    private static Compilation compilation(OdcsContract contract) {
        Compilation compilation = new Compilation();
        SchemaObject dataset = dataset(contract);
        if (dataset == null) {
            return compilation;
        }
        List<SchemaProperty> properties = listOrEmpty(dataset.properties());
        Set<String> columns = properties.stream().map(SchemaProperty::name).collect(Collectors.toSet());
        JsonNode propertyNodes = contract.document().path("schema").path(0).path("properties");
        for (int i = 0; i < properties.size(); i++) {
            SchemaProperty property = properties.get(i);
            PropertyRules.compile(property, compilation);
            for (QualityRule rule : listOrEmpty(property.quality())) {
                QualityRules.compile(property, rule, columns, compilation);
            }
            UnitWatch.compile(property.name(), propertyNodes.path(i), compilation);
        }
        return compilation;
    }

    private static SchemaObject dataset(OdcsContract contract) {
        List<SchemaObject> schema = listOrEmpty(contract.schema());
        return schema.isEmpty() ? null : schema.get(0);
    }

    private static String checkName(OdcsContract contract) {
        SchemaObject dataset = dataset(contract);
        String name = dataset != null ? dataset.name() : contract.name();
        return Objects.requireNonNullElse(name, "");
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
