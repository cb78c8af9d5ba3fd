package dev.plumbline.contract;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** How contracts are checked when they are written. */
@ConfigMapping(prefix = "plumbline.contract")
public interface ContractConfig {

    /**
     * The ODCS v3.1.0 JSON schema file that every contract written must also match (relative paths from the
     * working directory). Unset: only Plumbline's own rules are checked, and start-up says so. Set to a file
     * that is missing: start-up fails, except in the dev and test profiles, which point at the shared
     * conformance folder and only log that schema validation is off where a checkout has none.
     */
    Optional<Path> odcsSchema();
}
