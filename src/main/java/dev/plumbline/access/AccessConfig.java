package dev.plumbline.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of sign-in and accounts. */
@ConfigMapping(prefix = "plumbline.access")
public interface AccessConfig {

    /** The first administrator, created at start-up only while no account exists at all. */
    BootstrapAdmin bootstrapAdmin();

    /** Limits on failed sign-ins, counted in memory by each replica. */
    Login login();

    /**
     * How long a replica trusts an API token it has checked without asking the database again (and so how often
     * it records the token's last use). A token revoked on this replica is refused at once; on another replica,
     * within this time. The owner's roles are as fresh.
     */
    @WithDefault("5s")
    Duration tokenCacheTtl();

    /** How many wrong passwords are tolerated before further sign-ins are refused for a while. */
    interface Login {

        /** Failed sign-ins for one user name, from any address, within the window before it is refused. */
        @WithDefault("5")
        int maxFailuresPerUser();

        /**
         * Failed sign-ins from one remote address, for any user name, within the window before it is refused;
         * higher than per user, since many people may share an address behind a proxy or NAT.
         */
        @WithDefault("20")
        int maxFailuresPerAddress();

        /** How long a failure counts; a refusal lasts until enough failures have left the window. */
        @WithDefault("5m")
        Duration window();
    }

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
