package dev.socialticker.ticker;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which package may use which, read from the compiled classes: the domain core stands on nothing
 * else of the service, nothing below the API reaches into it, and no two feature packages depend on
 * each other both ways. Routes that call each other by endpoint name are not seen here: only code.
 */
@AnalyzeClasses(packages = "dev.socialticker.ticker", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDirectionsTest {
    static final String ROOT = "dev.socialticker.ticker";

    @ArchTest
    static final ArchRule theDomainCoreUsesNoOtherPackage = noClasses().that().resideInAPackage(ROOT + ".domain..")
            .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".domain.."))));

    @ArchTest
    static final ArchRule nothingBelowTheApiUsesIt = noClasses().that().resideOutsideOfPackages(ROOT + ".api..", ROOT)
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".api..");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
}
