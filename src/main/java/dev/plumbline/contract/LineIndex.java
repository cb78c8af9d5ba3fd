package dev.plumbline.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The line on which each JSON path of a YAML document starts, and the keys written twice in one mapping. */
public final class LineIndex {

    static final LineIndex NONE = new LineIndex();

    // Aliases can make a small text expand into a huge tree; these bounds keep the walk (and the tree) small.
    private static final int MAX_NODES = 100_000;
    private static final int MAX_DEPTH = 100;

    private final Map<String, Integer> lines = new HashMap<>();
    private final List<ContractProblem> duplicateKeys = new ArrayList<>();
    private int nodes;

    private LineIndex() {
    }

    static LineIndex of(Node root) {
        LineIndex index = new LineIndex();
        index.visit(root, JsonPath.ROOT, 0);
        return index;
    }

    /** The line of the path, or of its nearest enclosing path that the document has. */
    public int lineOf(String path) {
        String current = path;
        while (!lines.containsKey(current) && !JsonPath.ROOT.equals(current)) {
            current = JsonPath.parent(current);
        }
        return lines.getOrDefault(current, 1);
    }

    List<ContractProblem> duplicateKeys() {
        return List.copyOf(duplicateKeys);
    }

    private void visit(Node node, String path, int depth) {
        if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
            throw new InvalidContractException(List.of(new ContractProblem(startLine(node), path,
                    "the document nests deeper than " + MAX_DEPTH + " levels or expands beyond " + MAX_NODES
                            + " values through aliases")));
        }
        lines.putIfAbsent(path, startLine(node));
        if (node instanceof MappingNode mapping) {
            visitMapping(mapping, path, depth);
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                visit(items.get(i), JsonPath.item(path, i), depth + 1);
            }
        }
    }

    private void visitMapping(MappingNode mapping, String path, int depth) {
        Map<String, Integer> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                continue;
            }
            String child = JsonPath.field(path, key.getValue());
            int line = startLine(key);
            Integer first = seen.putIfAbsent(key.getValue(), line);
            if (first != null) {
                duplicateKeys.add(new ContractProblem(line, child,
                        "duplicate key \"" + key.getValue() + "\" (first at line " + first + ")"));
            }
            lines.putIfAbsent(child, line);
            visit(tuple.getValueNode(), child, depth + 1);
        }
    }

    private static int startLine(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }
}
