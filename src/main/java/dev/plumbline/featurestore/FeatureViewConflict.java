package dev.plumbline.featurestore;

/** A feature view version that cannot be applied as asked (it exists with other content, or is not newer). */
public class FeatureViewConflict extends RuntimeException {

    public FeatureViewConflict(String message) {
        super(message);
    }
}
