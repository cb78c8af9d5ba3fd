package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plumbline.validate.analyzers.PsiBaseline;
import java.util.Set;

/**
 * Reads a frozen PSI baseline written in the form of the contract's {@code baseline} kwarg ({@code edges} and
 * {@code shares}, or {@code categories} and {@code shares}, and {@code null_share}), for baselines stored outside a
 * contract, such as a feature view version's.
 */
public final class FrozenBaseline {

    private FrozenBaseline() {
    }

    /** The baseline, or an {@link IllegalArgumentException} saying what is wrong with it. */
    public static PsiBaseline read(JsonNode baseline) {
        Kwargs kwargs = new Kwargs("baseline", JsonNodeFactory.instance.objectNode().set("baseline", baseline), null,
                Set.of());
        try {
            return DistributionExpectations.built(kwargs, () -> PsiExpectation.baseline(kwargs));
        } catch (UnrunnableRule e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
