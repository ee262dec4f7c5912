package com.disputehub;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The rules of the house, checked: modules talk through their public API, without cycles; adapters stand alone. */
class ModularityTests {

    /** What adapters share: the decision commands, the support, the runtime, and wire code under channel.shared. */
    static final String[] SHARED = {"com.disputehub.channel.command..", "com.disputehub.channel.support..",
            "com.disputehub.channel.runtime..", "com.disputehub.channel.shared.."};

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.disputehub");

    @Test
    @DisplayName("X5: packages keep the architecture's boundaries (incident knows no channel; adapters stay inside channel)")
    void verify() {
        ApplicationModules.of(DisputeHubApplication.class).verify();
    }

    @Test
    @DisplayName("X8: an adapter never depends on another; what they share is the SPI, its commands and support, and channel.shared")
    void adaptersStandAlone() {
        slices().matching("com.disputehub.channel.(*)..").should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAnyPackage(SHARED))
                .ignoreDependency(resideInAnyPackage(SHARED), alwaysTrue())
                .check(MAIN);
    }

    @Test
    @DisplayName("X8: nothing outside channel names an adapter: they are found by their channel type and capabilities")
    void nobodyNamesAnAdapter() {
        noClasses().that().resideOutsideOfPackage("com.disputehub.channel..")
                .should().dependOnClassesThat(resideInAPackage("com.disputehub.channel.*..")
                        .and(DescribedPredicate.not(resideInAnyPackage(SHARED))))
                .check(MAIN);
    }
}
