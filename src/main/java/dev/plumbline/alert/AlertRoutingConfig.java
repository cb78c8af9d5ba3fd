package dev.plumbline.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where the routing file is and how notifications link back to Plumbline. */
@ConfigMapping(prefix = "plumbline.alert.routing")
public interface AlertRoutingConfig {

    /** The routing file (route tree, receivers, inhibition rules); unset: every alert shown, none sent. */
    Optional<String> file();

    /** Plumbline's address as people reach it, for the links in notifications. */
    @WithDefault("http://localhost:8080")
    String externalUrl();
}
