package dev.plumbline.validate;

import dev.plumbline.contract.ActiveContract;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The check compiled from each contract version, compiled once: contract versions are immutable. */
@ApplicationScoped
public class CompiledChecks {

    private final ContractChecks checks;
    private final Map<Long, Check> compiled = new ConcurrentHashMap<>();

    public CompiledChecks(ContractChecks checks) {
        this.checks = checks;
    }

    public Check of(ActiveContract contract) {
        return compiled.computeIfAbsent(contract.versionId(), id -> checks.compile(contract.contract()));
    }
}
