package dev.corral;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** The package rules of CONVENTIONS.md, held as tests. */
class ArchitectureTest {

    private static JavaClasses corral;

    @BeforeAll
    static void importClasses() {
        corral = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.corral");
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("dev.corral.(*)..").should().beFreeOfCycles().check(corral);
    }

    @Test
    void onlyTheLibvirtEngineImportsLibvirt() {
        noClasses().that().resideOutsideOfPackage("dev.corral.engine.libvirt..")
                .should().dependOnClassesThat().resideInAPackage("org.libvirt..")
                .check(corral);
    }

    @Test
    void viewsAndRestControllersNeverTouchRepositories() {
        noClasses().that().resideInAnyPackage("..ui..", "..api..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .check(corral);
    }

    @Test
    void repositoriesStayPrivateToTheirFeature() {
        classes().that().areAssignableTo(Repository.class)
                .should().notBePublic()
                .check(corral);
    }

    @Test
    void theSharedBasePackageDependsOnNoFeature() {
        noClasses().that().resideInAPackage("dev.corral.base..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.corral.hosts..", "dev.corral.vms..", "dev.corral.network..",
                        "dev.corral.licensing..", "dev.corral.sprawl..", "dev.corral.access..",
                        "dev.corral.jobs..", "dev.corral.engine..", "dev.corral.ui..")
                .check(corral);
    }

    @Test
    void theShellDoesNotDependOnFeatures() {
        noClasses().that().resideInAPackage("dev.corral.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.corral.hosts..", "dev.corral.vms..", "dev.corral.network..",
                        "dev.corral.licensing..", "dev.corral.sprawl..", "dev.corral.access..",
                        "dev.corral.jobs..", "dev.corral.engine..")
                .check(corral);
    }

    /**
     * One visibility decides what a caller sees: features ask the {@code Visibility} (a host, a VM, a
     * host group, a database predicate) and never read its grant sets to derive a rule of their own.
     */
    @Test
    void onlyTheAccessFeatureReadsTheGrantSetsOfAVisibility() {
        noClasses().that().resideOutsideOfPackage("dev.corral.access..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a grant set of AccessPolicy.Visibility",
                        (com.tngtech.archunit.core.domain.JavaMethodCall call) -> call.getTargetOwner()
                                .isEquivalentTo(dev.corral.access.AccessPolicy.Visibility.class)
                                && GRANT_SETS.contains(call.getName())))
                .check(corral);
    }

    private static final java.util.Set<String> GRANT_SETS = java.util.Set.of("hostGroups", "hosts", "vms",
            "ownedOnlyHostGroups", "ownedOnlyHosts", "deniedHostGroups", "deniedHosts", "deniedVms", "everything");
}
