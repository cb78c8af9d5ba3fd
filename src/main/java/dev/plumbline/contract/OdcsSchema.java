package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Open Data Contract Standard's own JSON schema, compiled once, that a contract document must match; each
 * mismatch comes back as a {@link ContractProblem} on the line of its JSON path, worded for the author.
 */
public final class OdcsSchema {

    // The ODCS schema names draft 2019-09 itself; remote references are never fetched.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2019_09, registry -> registry.schemaLoader(loader -> loader
                    .fetchRemoteResources(false)));

    private final Path source;
    private final Schema schema;
    private final SchemaErrors errors;

    private OdcsSchema(Path source, JsonNode root) {
        this.source = source;
        this.schema = REGISTRY.getSchema(root);
        this.schema.initializeValidators();
        this.errors = new SchemaErrors(root);
    }

    /** Reads and compiles the schema file, or says why it cannot be used. */
    public static OdcsSchema load(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("the ODCS JSON schema " + file + " is not a JSON object");
            }
            return new OdcsSchema(file, root);
        } catch (IOException e) {
            throw new IllegalArgumentException("the ODCS JSON schema " + file + " cannot be read: " + e.getMessage(),
                    e);
        } catch (SchemaException e) {
            throw new IllegalArgumentException("the ODCS JSON schema " + file + " is not a usable JSON schema: "
                    + e.getMessage(), e);
        }
    }

    /** The file the schema was read from. */
    public Path source() {
        return source;
    }

    /** Every way the document breaks the schema, placed on the lines of the document. */
    List<ContractProblem> check(JsonNode document, LineIndex lines) {
        return errors.problems(schema.validate(document), document).stream()
                .map(problem -> new ContractProblem(lines.lineOf(problem.path()), problem.path(), problem.message()))
                .toList();
    }
}
