package dev.plumbline.monitor.rules;

import java.time.Instant;
import java.util.List;

/**
 * One kind of alert rule: at each evaluation it lists the conditions that hold now. A condition that held
 * before and is no longer listed resolves. Feature freshness or serving latency plug in as further sources.
 */
public interface AlertRuleSource {

    /** The rule's name, which is also the {@code alertname} label of its conditions. */
    String rule();

    /** The conditions that hold at {@code now}, each once. */
    List<AlertCondition> conditions(Instant now);
}
