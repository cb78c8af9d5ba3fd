package dev.plumbline.contract;

import java.util.List;

/**
 * Says which rules of a contract the validation engine cannot run, so an unknown rule is refused when a
 * contract is written, never silently ignored. The engine implements it; contracts do not depend on it.
 */
public interface RuleLinter {

    List<ContractProblem> lint(OdcsContract contract);
}
