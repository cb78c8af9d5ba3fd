package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A categorical PSI reference: each category (a {@link ColumnValues#key}, so 1 and 1.0 are one category) with
 * its share, and the share of nulls. Values outside the categories fall into an "unseen" slot whose reference
 * share is 0, so a new category shows as drift.
 */
public record CategoricalBaseline(List<Object> categories, List<Double> shares, double nullShare)
        implements PsiBaseline {

    public CategoricalBaseline {
        categories = List.copyOf(categories);
        shares = List.copyOf(shares);
        if (categories.isEmpty() || categories.size() != shares.size()) {
            throw new IllegalArgumentException("a categorical baseline needs one share per category, got "
                    + categories.size() + " categories and " + shares.size() + " shares");
        }
        if (categories.stream().distinct().count() != categories.size()) {
            throw new IllegalArgumentException("categories must be distinct, got " + categories);
        }
        PsiBaseline.requireShares(shares, nullShare);
    }

    @Override
    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        categories.forEach(category -> labels.add(category.toString()));
        labels.add("(unseen)");
        labels.add("null");
        return labels;
    }

    @Override
    public double[] expected() {
        double[] expected = new double[categories.size() + 2];
        for (int i = 0; i < shares.size(); i++) {
            expected[i] = shares.get(i);
        }
        expected[categories.size() + 1] = nullShare;
        return expected;
    }

    @Override
    public Binner binner() {
        Map<Object, Integer> slots = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            slots.put(categories.get(i), i);
        }
        int unseen = categories.size();
        return new Binner() {
            @Override
            public int slotOf(JsonNode value) {
                return ColumnValues.isNull(value) ? unseen + 1 : slots.getOrDefault(ColumnValues.key(value), unseen);
            }

            // a text's key is the text itself (ColumnValues.key); other kinds go by their node
            @Override
            public int slotOf(ColumnVector values, int row) {
                return switch (values.kind(row)) {
                    case ColumnVector.NULL -> unseen + 1;
                    case ColumnVector.TEXT -> slots.getOrDefault(values.text(row), unseen);
                    default -> slotOf(values.node(row));
                };
            }
        };
    }
}
