package dev.plumbline.transform;

import java.time.Duration;

/** What a feature view promises: values no older than {@code freshness}, drift below a PSI, serving p99. */
public record FeatureSla(Duration freshness, Double psiThreshold, Duration servingP99) {
}
