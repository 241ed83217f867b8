package io.github.reluregions;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The import rules of the package layout drawn in README.md, checked on the compiled main classes: which
 * package may use which library, and which of our packages may use which.
 */
class ImportRulesTest {
    private static final String ROOT = "io.github.reluregions";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The packages the counting core is made of: none of them may know who uses it. */
    private static final String[] CORE = packages("model", "domain", "io", "query", "propagation", "bounds",
            "solver", "compile", "count");
    /** The packages built on the core: commands, reports, pictures, the cluster and the studies. */
    private static final String[] USERS = packages("probabilistic", "checkpoint", "cluster", "local", "slice",
            "plot", "benchmark", "report", "cli");

    @Test
    void onlySolverAndCompileUseOrTools() {
        onlyUses("com.google.ortools..", "solver", "compile");
    }

    @Test
    void onlyClusterUsesHazelcast() {
        onlyUses("com.hazelcast..", "cluster");
    }

    @Test
    void onlyPlotUsesJFreeChart() {
        onlyUses("org.jfree..", "plot");
    }

    @Test
    void onlyCliUsesPicocli() {
        onlyUses("picocli..", "cli");
    }

    @Test
    void theCoreDoesNotKnowItsUsers() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(USERS)
                .check(MAIN);
    }

    @Test
    void theModelDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage(ROOT + ".model..").should().dependOnClassesThat(
                resideInAPackage(ROOT + "..").and(not(resideInAnyPackage(ROOT, ROOT + ".model.."))))
                .check(MAIN);
    }

    @Test
    void theCellKernelDoesNotKnowTheEnginesAndTheEnginesDoNotKnowEachOther() {
        noClasses().that().resideInAPackage(ROOT + ".count.cell..").should().dependOnClassesThat()
                .resideInAnyPackage(packages("count.lp", "count.model")).check(MAIN);
        noClasses().that().resideInAPackage(ROOT + ".count.lp..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".count.model..").check(MAIN);
        noClasses().that().resideInAPackage(ROOT + ".count.model..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".count.lp..").check(MAIN);
    }

    @Test
    void nothingButTheCommandLineUsesIt() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".cli..").should().dependOnClassesThat()
                .resideInAPackage(ROOT + ".cli..").check(MAIN);
    }

    @Test
    void thePackagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** The rule can fail: a rule that forbids every package the library breaks on the allowed ones. */
    @Test
    void theRulesSeeTheLibrariesTheyGuard() {
        for (String[] use : new String[][] {{"com.google.ortools..", "solver"}, {"com.google.ortools..", "compile"},
                {"com.hazelcast..", "cluster"}, {"org.jfree..", "plot"}, {"picocli..", "cli"}}) {
            ArchRule nobody = noClasses().should().dependOnClassesThat().resideInAPackage(use[0]);
            String report = nobody.evaluate(MAIN).getFailureReport().toString();
            assertTrue(report.contains(ROOT + "." + use[1] + "."), use[1] + " uses " + use[0] + ":\n" + report);
        }
    }

    private static void onlyUses(String library, String... allowed) {
        noClasses().that().resideOutsideOfPackages(packages(allowed)).should().dependOnClassesThat()
                .resideInAPackage(library).check(MAIN);
    }

    private static String[] packages(String... names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = ROOT + "." + names[i] + "..";
        }
        return packages;
    }
}
