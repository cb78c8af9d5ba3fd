package dev.plumbline.contract;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** Makes, once at start-up, the parser that checks contracts as they are written, as {@link ContractConfig} says. */
@Singleton
public class OdcsParsers {

    private static final Logger LOG = Logger.getLogger(OdcsParsers.class);

    @Produces
    @Singleton
    @Startup
    OdcsParser parser(ContractConfig config) {
        return of(config.odcsSchema().orElse(null), LaunchMode.current().isDevOrTest());
    }

    /**
     * A parser with the schema at {@code file}, or with Plumbline's rules only (said in the log) when there is
     * no file; a missing file is an error unless {@code missingIsOff}.
     */
    static OdcsParser of(Path file, boolean missingIsOff) {
        if (file == null) {
            LOG.info("ODCS JSON schema validation is off: plumbline.contract.odcs-schema is not set, so contracts"
                    + " are checked against Plumbline's own rules only");
            return new OdcsParser();
        }
        if (!Files.isRegularFile(file) && missingIsOff) {
            LOG.infof("ODCS JSON schema validation is off: %s does not exist, so contracts are checked against"
                    + " Plumbline's own rules only", file.toAbsolutePath().normalize());
            return new OdcsParser();
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("plumbline.contract.odcs-schema names " + file.toAbsolutePath()
                    + ", which is not a file; point it at odcs-json-schema-v3.1.0.json or unset it");
        }
        OdcsSchema schema = OdcsSchema.load(file);
        LOG.infof("Contracts are checked against the ODCS JSON schema %s", file.toAbsolutePath().normalize());
        return new OdcsParser(schema);
    }
}
