package dev.plumbline.alert;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The routing file, read: the route tree, the receivers by name and the inhibition rules. */
public record AlertingConfig(Route route, Map<String, Receiver> receivers, List<InhibitRule> inhibitRules) {

    public Optional<Receiver> receiver(String name) {
        return Optional.ofNullable(receivers.get(name));
    }
}
