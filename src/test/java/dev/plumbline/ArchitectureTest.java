package dev.plumbline;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of DESIGN.md: ingest → contract → validate → quarantine → transform →
 * featurestore → monitor → alert. A stage may use the stages before it, never one after it, so each stage
 * can be understood, tested and replaced without the ones downstream. To pass data back upstream, fire a
 * past-tense event (like {@code BatchValidated}) that the downstream stage observes.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.plumbline");
    }

    @Test
    void stagesDependOnlyOnStagesUpstream() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("access").definedBy("dev.plumbline.access..")
                .layer("ingest").definedBy("dev.plumbline.ingest..")
                .layer("contract").definedBy("dev.plumbline.contract..")
                .layer("validate").definedBy("dev.plumbline.validate..")
                .layer("quarantine").definedBy("dev.plumbline.quarantine..")
                .layer("transform").definedBy("dev.plumbline.transform..")
                .layer("featurestore").definedBy("dev.plumbline.featurestore..")
                .layer("monitor").definedBy("dev.plumbline.monitor..")
                .layer("alert").definedBy("dev.plumbline.alert..")
                .layer("web").definedBy("dev.plumbline.web..")
                .layer("demo").definedBy("dev.plumbline.demo..")
                .layer("embedded").definedBy("dev.plumbline.embedded..")
                .whereLayer("alert").mayOnlyBeAccessedByLayers("web", "demo")
                .whereLayer("monitor").mayOnlyBeAccessedByLayers("alert", "web", "demo")
                .whereLayer("featurestore").mayOnlyBeAccessedByLayers("monitor", "alert", "web", "demo")
                .whereLayer("transform").mayOnlyBeAccessedByLayers("featurestore", "monitor", "alert", "web", "demo")
                .whereLayer("quarantine").mayOnlyBeAccessedByLayers("transform", "featurestore", "monitor", "alert",
                        "web", "demo")
                .whereLayer("validate").mayOnlyBeAccessedByLayers("quarantine", "transform", "featurestore",
                        "monitor", "alert", "web", "demo")
                .whereLayer("contract").mayOnlyBeAccessedByLayers("validate", "quarantine", "transform",
                        "featurestore", "monitor", "alert", "web", "demo")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .withOptionalLayers(true)
                .because("data flows downstream; a stage that reached downstream would couple the pipeline in a loop")
                .check(classes);
    }

    @Test
    void accessDependsOnNoStage() {
        noClasses().that().resideInAPackage("dev.plumbline.access..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.plumbline.ingest..", "dev.plumbline.contract..",
                        "dev.plumbline.validate..", "dev.plumbline.quarantine..", "dev.plumbline.transform..",
                        "dev.plumbline.featurestore..", "dev.plumbline.monitor..", "dev.plumbline.alert..",
                        "dev.plumbline.web..", "dev.plumbline.demo..")
                .because("every stage may ask who is signed in and record to the audit log; if access reached into "
                        + "a stage, that stage could no longer use access without a cycle")
                .check(classes);
    }

    @Test
    void onlyTheEntryPointStartsEmbeddedServers() {
        noClasses().that().resideOutsideOfPackages("dev.plumbline.embedded..")
                .and().doNotHaveFullyQualifiedName("dev.plumbline.Plumbline")
                .should().dependOnClassesThat().resideInAPackage("dev.plumbline.embedded..")
                .because("the application must not know whether its database and broker are embedded; "
                        + "only the entry point decides, from configuration")
                .check(classes);
    }
}
