package dev.plumbline.featurestore.training;

import dev.plumbline.transform.Aggregation;
import dev.plumbline.transform.FeatureSpec;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link ProxyLeakage} for every numeric feature of a training set against every label column. */
final class ProxyAudit {

    private ProxyAudit() {
    }

    static List<TrainingSet.Proxy> of(EntityRows rows, List<String> labelColumns, List<JoinedView> views) {
        List<TrainingSet.Proxy> findings = new ArrayList<>();
        for (String label : labelColumns) {
            int column = rows.column(label);
            String[] labels = rows.rows().stream().map(r -> r.values()[column]).toArray(String[]::new);
            for (JoinedView view : views) {
                List<FeatureSpec> features = view.joined().features();
                for (int k = 0; k < features.size(); k++) {
                    if (features.get(k).aggregation() == Aggregation.LAST) {
                        continue;
                    }
                    double[] values = new double[labels.length];
                    for (int i = 0; i < values.length; i++) {
                        Object value = view.joined().value(i, k);
                        values[i] = value == null ? Double.NaN : ((Number) value).doubleValue();
                    }
                    findings.add(TrainingSet.Proxy.of(ProxyLeakage.judge(features.get(k).name(), values, label,
                            labels)));
                }
            }
        }
        return findings;
    }
}
