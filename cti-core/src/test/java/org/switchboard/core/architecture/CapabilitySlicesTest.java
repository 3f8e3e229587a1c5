package org.switchboard.core.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The capabilities of cti-core ({@code calls}, {@code records}, {@code rating}, {@code metrics}, {@code wakeup},
 * {@code stays}, {@code folio}, {@code auth}, {@code directory}) each own their slice: no cycles between them, one
 * uses another only through its application API (its root assembly, {@code application}, {@code model}), and
 * models are pure.
 */
class CapabilitySlicesTest {

    static final List<String> CAPABILITIES = List.of("calls", "records", "rating", "metrics", "wakeup", "stays", "folio",
            "auth", "directory");
    private static final Pattern CAPABILITY = Pattern.compile("org\\.switchboard\\.core\\.([a-z]+)(\\.([a-z]+))?.*");

    static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.switchboard.core");
    }

    @Test
    void capabilitiesAreFreeOfCycles() {
        slices().matching("org.switchboard.core.(*)..").that(capabilitySlices())
                .should().beFreeOfCycles().check(classes);
    }

    @Test
    void aCapabilityUsesAnotherOnlyThroughItsApplicationApi() {
        classes().that(inACapability()).should(useOtherCapabilitiesOnlyThroughTheirApi()).check(classes);
    }

    @Test
    void modelsArePure() {
        noClasses().that().resideInAPackage("org.switchboard.core..model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "io.netty..", "org.quartz..",
                        "org.asteriskjava..", "java.net..", "java.nio.file..", "org.switchboard.core.storage..",
                        "..infrastructure..", "..application..", "..web..", "..cli..", "org.switchboard.core.api..")
                .check(classes);
    }

    private static DescribedPredicate<com.tngtech.archunit.library.dependencies.Slice> capabilitySlices() {
        return DescribedPredicate.describe("are capabilities", slice -> CAPABILITIES.contains(slice.getNamePart(1)));
    }

    private static DescribedPredicate<JavaClass> inACapability() {
        return DescribedPredicate.describe("are in a capability", c -> capability(c).isPresent());
    }

    private static Optional<String> capability(JavaClass c) {
        Matcher m = CAPABILITY.matcher(c.getPackageName());
        return m.matches() && CAPABILITIES.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The layer under the capability's root: application, model, infrastructure, web, cli, config; "" for the root. */
    private static String layer(JavaClass c) {
        Matcher m = CAPABILITY.matcher(c.getPackageName());
        return m.matches() && m.group(3) != null ? m.group(3) : "";
    }

    private static ArchCondition<JavaClass> useOtherCapabilitiesOnlyThroughTheirApi() {
        return new ArchCondition<>("use other capabilities only through their root, application or model packages") {
            @Override
            public void check(JavaClass from, ConditionEvents events) {
                String own = capability(from).orElseThrow();
                for (Dependency d : from.getDirectDependenciesFromSelf()) {
                    JavaClass to = d.getTargetClass();
                    Optional<String> other = capability(to);
                    if (other.isPresent() && !other.get().equals(own)
                            && !List.of("", "application", "model").contains(layer(to))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
