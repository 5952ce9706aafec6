package dev.todochat.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules themselves, against fixtures with known violations and against an empty package. */
class ArchitectureRulesTest {
    private static final String FIXTURE = "dev.todochat.architecture.fixture";
    private static final String NOTHING = "dev.todochat.architecture.nothing";
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(FIXTURE);

    private static void assertFails(ArchRule rule, String expected) {
        assertThatThrownBy(() -> rule.check(FIXTURES)).isInstanceOf(AssertionError.class).hasMessageContaining(expected);
    }

    @Test
    void a_domain_class_that_reaches_an_adapter_is_caught() {
        assertFails(ArchitectureRules.domainDependsOnTheJdkOnly(FIXTURE), "LeakyTask");
    }

    @Test
    void an_application_class_that_uses_a_technology_is_caught() {
        assertFails(ArchitectureRules.applicationDependsOnTheDomainOnly(FIXTURE), "java.sql.Connection");
    }

    @Test
    void an_adapter_that_imports_another_adapter_is_caught() {
        assertFails(ArchitectureRules.adapterIgnoresOtherAdapters(FIXTURES, FIXTURE, "http"), "ReachesIntoStorage");
    }

    @Test
    void the_adapters_are_the_packages_that_are_not_the_core() {
        assertThat(ArchitectureRules.adapters(FIXTURES, FIXTURE)).containsExactly("http", "llm", "persistence");
        assertThatThrownBy(() -> ArchitectureRules.adapters(FIXTURES, NOTHING))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_module_that_uses_another_modules_internals_is_caught_but_the_owner_is_not() {
        assertFails(ArchitectureRules.internalsStayInTheirModule(FIXTURE), "ReachesIntoInternals");
        assertThatThrownBy(() -> ArchitectureRules.internalsStayInTheirModule(FIXTURE).check(FIXTURES))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("UsesOwnInternals"));
    }

    @Test
    void a_model_adapter_that_uses_the_application_is_caught() {
        assertFails(ArchitectureRules.modelAdaptersSeeDomainPortsOnly(FIXTURE), "UsesApplication");
    }

    @Test
    void mutable_static_fields_are_caught_but_constants_are_not() {
        assertFails(ArchitectureRules.noMutableStaticState(FIXTURE), "StaticCache.entries");
        assertFails(ArchitectureRules.noMutableStaticState(FIXTURE), "StaticCache.counter");
        assertThatThrownBy(() -> ArchitectureRules.noMutableStaticState(FIXTURE).check(FIXTURES))
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("StaticConstants"));
    }

    @Test
    void every_rule_fails_when_its_package_is_empty() {
        assertFails(ArchitectureRules.domainDependsOnTheJdkOnly(NOTHING), "failed to check any classes");
        assertFails(ArchitectureRules.applicationDependsOnTheDomainOnly(NOTHING), "failed to check any classes");
        assertFails(ArchitectureRules.adapterIgnoresOtherAdapters(FIXTURES, FIXTURE, "mcp"),
                "failed to check any classes");
        assertFails(ArchitectureRules.internalsStayInTheirModule(NOTHING), "failed to check any classes");
        assertFails(ArchitectureRules.modelAdaptersSeeDomainPortsOnly(NOTHING), "failed to check any classes");
        assertFails(ArchitectureRules.noMutableStaticState(NOTHING), "failed to check any classes");
    }
}
