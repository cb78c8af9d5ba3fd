package dev.plumbline.validate.window;

import dev.plumbline.validate.analyzers.Metric;

/**
 * A windowed rule that judges the current batch alone whenever the batch holds enough values for a verdict, and
 * the window only otherwise: for a watch whose signal a window would blur while it still holds data from before a
 * change (a unit switch shows as one factor on every quantile only once the values are all switched).
 */
public interface BatchFirst {

    /** Whether the batch's own metric is enough for a verdict. */
    boolean enoughAlone(Metric<?> batch);
}
