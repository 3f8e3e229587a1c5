package org.switchboard.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of STYLE.md, checked on the compiled classes of the modules on this class path. */
class ModuleBoundariesTest {

    static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.switchboard");
    }

    @Test
    void billingDoesNoIo() {
        noClasses().that().resideInAPackage("org.switchboard.billing..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net..", "java.nio.file..",
                        "java.io..", "io.netty..", "org.jooq..", "org.asteriskjava..")
                .check(classes);
    }

    @Test
    void billingAndThePbxAdapterKnowNothingOfEachOther() {
        noClasses().that().resideInAPackage("org.switchboard.billing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.switchboard.pbx..", "org.switchboard.core..")
                .check(classes);
        noClasses().that().resideInAPackage("org.switchboard.pbx..")
                .should().dependOnClassesThat().resideInAnyPackage("org.switchboard.billing..", "org.switchboard.core..")
                .check(classes);
    }

    @Test
    void asteriskJavaTypesStayInsideThePbxLink() {
        noClasses().that().resideOutsideOfPackage("org.switchboard.pbx.ami..")
                .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..")
                .check(classes);
    }

    @Test
    void theNettyEventSessionStaysInsideThePbxLink() {
        noClasses().that().resideOutsideOfPackage("org.switchboard.pbx.ami..")
                .should().dependOnClassesThat().resideInAPackage("org.switchboard.pbx.ami.stream..")
                .check(classes);
        noClasses().that().resideInAPackage("org.switchboard.pbx.event..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.asteriskjava..")
                .check(classes);
    }

    @Test
    void theCallModelIsFreeOfStorageAndNetwork() {
        noClasses().that().resideInAPackage("org.switchboard.core.calls.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "io.netty..",
                        "org.switchboard.core.storage..")
                .check(classes);
    }

    @Test
    void sqlLivesOnlyInRepositoriesAndStorage() {
        noClasses().that().resideOutsideOfPackages("..infrastructure..", "org.switchboard.core.storage..")
                .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                .check(classes);
    }

    @Test
    void quartzStaysBehindTheWakeUpTimers() {
        noClasses().that().resideOutsideOfPackage("org.switchboard.core.wakeup.infrastructure..")
                .should().dependOnClassesThat().resideInAPackage("org.quartz..")
                .check(classes);
        noClasses().that().resideInAPackage("org.switchboard.core.wakeup.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "io.netty..",
                        "org.switchboard.pbx..")
                .check(classes);
    }

    @Test
    void theDaemonsProductionCodeNeverUsesTheSimulatorTheDemoOrTheBenchmarks() {
        noClasses().that().resideInAnyPackage("org.switchboard.core..", "org.switchboard.pbx.ami..",
                        "org.switchboard.pbx.event..", "org.switchboard.billing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.switchboard.pbx.sim..", "org.switchboard.demo..",
                        "org.switchboard.benchmarks..", "org.switchboard.launcher..")
                .check(classes);
    }

    @Test
    void theEmbeddedDatabaseKnowsNothingOfTheDaemon() {
        noClasses().that().resideInAPackage("org.switchboard.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("org.switchboard.core..", "org.switchboard.pbx..",
                        "org.switchboard.billing..")
                .check(classes);
    }
}
