package dev.todochat.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The brief's dependency directions and the no-static-state rule, checked on the production classes. */
class ArchitectureTest {
    private static final String ROOT = "dev.todochat";
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    static final List<String> ADAPTERS = ArchitectureRules.adapters(PRODUCTION, ROOT);

    @Test
    void the_domain_depends_on_the_jdk_only() {
        ArchitectureRules.domainDependsOnTheJdkOnly(ROOT).check(PRODUCTION);
    }

    @Test
    void the_application_depends_on_the_domain_only() {
        ArchitectureRules.applicationDependsOnTheDomainOnly(ROOT).check(PRODUCTION);
    }

    @ParameterizedTest
    @FieldSource("ADAPTERS")
    void an_adapter_never_imports_another_adapter_or_the_bootstrap(String adapter) {
        ArchitectureRules.adapterIgnoresOtherAdapters(PRODUCTION, ROOT, adapter).check(PRODUCTION);
    }

    @Test
    void language_model_adapters_see_domain_ports_only() {
        ArchitectureRules.modelAdaptersSeeDomainPortsOnly(ROOT).check(PRODUCTION);
    }

    @Test
    void the_adapters_are_read_from_the_packages() {
        assertThat(ADAPTERS).contains("http", "persistence").doesNotContain("domain", "application", "testing");
    }

    @Test
    void no_module_reaches_into_another_modules_internal_packages() {
        ArchitectureRules.internalsStayInTheirModule(ROOT).check(PRODUCTION);
    }

    @Test
    void production_code_holds_no_mutable_static_state() {
        ArchitectureRules.noMutableStaticState(ROOT).check(PRODUCTION);
    }
}
