package dev.plumbline.validate.analyzers;

/**
 * What an analyzer keeps of a batch, small enough to store per partition and merge into windows: the metric of
 * {@code a.merge(b)} is the metric of the batches of {@code a} and {@code b} together.
 */
public interface State<S extends State<S>> {

    S merge(S other);
}
