package dev.plumbline.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of sign-in and accounts. */
@ConfigMapping(prefix = "plumbline.access")
public interface AccessConfig {

    /** The first administrator, created at start-up only while no account exists at all. */
    BootstrapAdmin bootstrapAdmin();

    /** The account that lets the first person in; both keys are needed, and neither is ever logged. */
    interface BootstrapAdmin {

        /** The first administrator's user name: lower-case letters, digits, '_', '.' or '-'. */
        Optional<String> username();

        /** The first administrator's password; change it after the first sign-in (not yet possible in the UI). */
        Optional<String> password();

        /** The name shown in the page header for the first administrator. */
        @WithDefault("Administrator")
        String displayName();
    }
}
