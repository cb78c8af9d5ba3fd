package dev.plumbline.contract;

import java.util.Objects;
import java.util.Optional;

/**
 * Reads Open Data Contract Standard v3 YAML into an {@link OdcsContract}, or refuses it with every problem found,
 * each with its line and JSON path: the structure Plumbline relies on and, when it has one, the ODCS JSON schema.
 */
public final class OdcsParser {

    private final Optional<OdcsSchema> schema;

    /** A parser that checks Plumbline's own rules only. */
    public OdcsParser() {
        this.schema = Optional.empty();
    }

    /** A parser that also checks every document against the ODCS JSON schema. */
    public OdcsParser(OdcsSchema schema) {
        this.schema = Optional.of(schema);
    }

    /** The ODCS JSON schema this parser checks documents against, if any. */
    public Optional<OdcsSchema> schema() {
        return schema;
    }

    /**
     * Parses one contract document.
     *
     * @throws InvalidContractException listing every problem, in line order, when the YAML cannot be read, the
     *         contract breaks the structure Plumbline relies on, or it does not match the ODCS JSON schema
     */
    public OdcsContract parse(String yaml) {
        YamlDocument document = YamlDocument.read(Objects.requireNonNull(yaml, "yaml"));
        Problems problems = new Problems(document.lines());
        new DocumentChecks(problems).check(document.root());
        schema.ifPresent(odcs -> problems.addUnlessCovered(odcs.check(document.root(), document.lines())));
        if (!problems.isEmpty()) {
            throw new InvalidContractException(problems.all());
        }
        return new ModelReader(document.lines()).read(document.root());
    }
}
