package dev.plumbline.featurestore.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProxyLeakageTest {

    @Test
    void aFeatureWrittenBecauseOfTheOutcomeIsFlaggedAsAProxy() {
        Random random = new Random(3);
        int n = 2000;
        String[] fraud = new String[n];
        double[] reversals = new double[n];
        for (int i = 0; i < n; i++) {
            boolean isFraud = random.nextInt(20) == 0;
            fraud[i] = isFraud ? "true" : "false";
            // Almost every fraudulent transaction is reversed; almost no honest one is.
            reversals[i] = isFraud == (random.nextInt(100) != 0) ? 1 + random.nextInt(2) : 0;
        }
        ProxyLeakage.Finding finding = ProxyLeakage.judge("reversals_7d", reversals, "is_fraud", fraud);

        assertThat(finding.rows()).isEqualTo(n);
        assertThat(finding.informationShare()).isGreaterThan(0.8);
        assertThat(finding.suspicious()).isTrue();
    }

    @Test
    void anHonestFeatureIsNotFlagged() {
        Random random = new Random(4);
        int n = 2000;
        String[] fraud = new String[n];
        double[] spend = new double[n];
        for (int i = 0; i < n; i++) {
            boolean isFraud = random.nextInt(20) == 0;
            fraud[i] = isFraud ? "1" : "0";
            spend[i] = random.nextGaussian() * 50 + 100 + (isFraud ? 20 : 0);
        }
        ProxyLeakage.Finding finding = ProxyLeakage.judge("spend_7d", spend, "is_fraud", fraud);

        assertThat(finding.correlation()).isBetween(0.0, 0.3);
        assertThat(finding.informationShare()).isLessThan(0.2);
        assertThat(finding.suspicious()).isFalse();
    }

    @Test
    void aPerfectLinearProxyOfANumericLabelHasCorrelationOne() {
        double[] x = new double[100];
        String[] y = new String[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i;
            y[i] = Double.toString(3 * i + 7);
        }
        ProxyLeakage.Finding finding = ProxyLeakage.judge("f", x, "y", y);
        assertThat(finding.correlation()).isCloseTo(1.0, within(1e-12));
        assertThat(finding.suspicious()).isTrue();
    }

    @Test
    void rowsWithoutAFeatureValueOrALabelAreLeftOutAndSmallSamplesAreNotJudged() {
        double[] x = {1, Double.NaN, 3, 4};
        String[] y = {"0", "1", "", "1"};
        ProxyLeakage.Finding finding = ProxyLeakage.judge("f", x, "y", y);
        assertThat(finding.rows()).isEqualTo(2);
        assertThat(finding.suspicious()).isFalse();
    }
}
