package dev.plumbline.contract;

import java.util.Objects;

/**
 * Reads Open Data Contract Standard v3 YAML into an {@link OdcsContract}, or refuses it with every structural
 * problem found, each with its line and JSON path.
 */
public final class OdcsParser {

    /**
     * Parses one contract document.
     *
     * @throws InvalidContractException listing every problem, in line order, when the YAML cannot be read or
     *         the contract breaks the structure Plumbline relies on
     */
    public OdcsContract parse(String yaml) {
        YamlDocument document = YamlDocument.read(Objects.requireNonNull(yaml, "yaml"));
        Problems problems = new Problems(document.lines());
        new DocumentChecks(problems).check(document.root());
        if (!problems.isEmpty()) {
            throw new InvalidContractException(problems.all());
        }
        return new ModelReader(document.lines()).read(document.root());
    }
}
