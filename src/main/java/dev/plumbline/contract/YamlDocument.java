package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/** A YAML text read once into a JSON tree of its values and an index of the line where each path starts. */
public record YamlDocument(JsonNode root, LineIndex lines) {

    /** A contract is a page or a few of YAML; a megabyte is far beyond any real one. */
    static final int MAX_CHARACTERS = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the text, or throws an {@link InvalidContractException} placed where the YAML reader stopped. */
    public static YamlDocument read(String yaml) {
        if (yaml.length() > MAX_CHARACTERS) {
            throw invalid(1, "the document has " + yaml.length() + " characters; a document may have at most "
                    + MAX_CHARACTERS);
        }
        LoaderOptions options = new LoaderOptions();
        // A key written twice is a mistake to point at, not a value to silently overwrite.
        options.setAllowDuplicateKeys(false);
        try {
            Node node = new Composer(new ParserImpl(new StreamReader(yaml), options), new Resolver(), options)
                    .getSingleNode();
            if (node == null) {
                throw invalid(1, "the document is empty, expected an ODCS contract");
            }
            LineIndex lines = LineIndex.of(node);
            return new YamlDocument(JSON.valueToTree(new ValueConstructor(options).construct(node)), lines);
        } catch (MarkedYAMLException e) {
            throw invalid(lineOf(e), "YAML syntax error: " + e.getProblem()
                    + (e.getContext() == null ? "" : ", " + e.getContext()));
        } catch (YAMLException | IllegalArgumentException e) {
            throw invalid(1, "the YAML cannot be read: " + e.getMessage());
        }
    }

    private static int lineOf(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? 1 : mark.getLine() + 1;
    }

    private static InvalidContractException invalid(int line, String message) {
        return new InvalidContractException(List.of(new ContractProblem(line, JsonPath.ROOT, message)));
    }

    /** Builds plain values from YAML nodes, keeping timestamps and binary scalars as the text written. */
    private static final class ValueConstructor extends SafeConstructor {

        ValueConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            yamlConstructors.put(Tag.BINARY, new ConstructYamlStr());
        }

        Object construct(Node node) {
            return constructDocument(node);
        }
    }
}
