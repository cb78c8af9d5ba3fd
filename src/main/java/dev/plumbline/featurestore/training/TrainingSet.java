package dev.plumbline.featurestore.training;

import java.time.Instant;
import java.util.List;

/**
 * A stored training set: who asked for it and when, the feature view versions pinned, the upload it came from,
 * how many rows, and what the leakage audit found. Its rows are kept as Parquet ({@link TrainingSetStore}).
 */
public record TrainingSet(long id, String requestedBy, Instant requestedAt, String uploadName, String uploadFormat,
        String timeColumn, List<String> labelColumns, long rowCount, long leakedValues, List<Proxy> proxyAudit,
        long joinMillis, List<PinnedView> views) {

    /** A feature view version the set was joined with. */
    public record PinnedView(String name, String version, long versionId, String entityColumn,
            List<String> features) {
    }

    /** The proxy-leakage audit of one feature against one label column. */
    public record Proxy(String feature, String label, int rows, Double correlation, Double informationShare,
            boolean suspicious) {

        /** The correlation to three places, or a dash where there is none. */
        public String correlationText() {
            return correlation == null ? "—" : String.format(java.util.Locale.ROOT, "%.3f", correlation);
        }

        static Proxy of(ProxyLeakage.Finding f) {
            return new Proxy(f.feature(), f.label(), f.rows(), f.correlation(), f.informationShare(), f.suspicious());
        }
    }

    public long suspiciousFeatures() {
        return proxyAudit.stream().filter(Proxy::suspicious).count();
    }
}
