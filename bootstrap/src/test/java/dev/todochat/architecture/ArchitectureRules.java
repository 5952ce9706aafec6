package dev.todochat.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of the design brief, over any root package, so that they can be checked against the product
 * and against fixtures with known violations. Every rule fails when the package it names holds no class: a rule that
 * checks nothing must not pass.
 */
final class ArchitectureRules {
    /** The packages below the root that are not adapters: every other one is an adapter module. */
    private static final Set<String> NOT_ADAPTERS = Set.of("domain", "application", "bootstrap", "testing");

    private static final Set<String> MUTABLE_TYPES = Set.of(
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.ArrayDeque", "java.util.Vector", "java.util.Hashtable", "java.util.Date",
            "java.lang.StringBuilder", "java.lang.StringBuffer", "java.lang.ThreadLocal",
            "java.lang.InheritableThreadLocal");

    private ArchitectureRules() {
    }

    static ArchRule domainDependsOnTheJdkOnly(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(plainJdk(root + ".domain.."))
                .allowEmptyShould(false)
                .because("the domain is plain Java: records, sealed interfaces and java.time");
    }

    static ArchRule applicationDependsOnTheDomainOnly(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plainJdk(root + ".application..", root + ".domain.."))
                .allowEmptyShould(false)
                .because("policies around the chat cycle know ports, not technologies");
    }

    /**
     * The adapters, read from the packages of {@code classes}: every package right below {@code root} except the
     * domain, the application, the bootstrap and the test fixtures. A new adapter is checked without being listed.
     *
     * @throws IllegalStateException when there is none: rules over no adapter would check nothing
     */
    static List<String> adapters(JavaClasses classes, String root) {
        List<String> adapters = classes.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(root + "."))
                .map(name -> name.substring(root.length() + 1).split("\\.")[0])
                .filter(name -> !NOT_ADAPTERS.contains(name))
                .distinct().sorted().toList();
        if (adapters.isEmpty()) {
            throw new IllegalStateException("no adapter package below " + root);
        }
        return adapters;
    }

    /**
     * A module's {@code internal} packages are its own: no class of another module (the first package below the
     * root) depends on them. The public types there exist for the module's own packages, not for its users.
     */
    static ArchRule internalsStayInTheirModule(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("not depend on another module's internal packages") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                            String target = dependency.getTargetClass().getPackageName();
                            boolean internal = target.startsWith(root + ".")
                                    && (target.contains(".internal.") || target.endsWith(".internal"));
                            if (internal && !module(root, target).equals(module(root, origin.getPackageName()))) {
                                events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                            }
                        });
                    }
                })
                .allowEmptyShould(false)
                .because("only the module that owns an internal package may change it without telling anyone");
    }

    private static String module(String root, String packageName) {
        return packageName.length() <= root.length() ? "" : packageName.substring(root.length() + 1).split("\\.")[0];
    }

    static ArchRule adapterIgnoresOtherAdapters(JavaClasses classes, String root, String adapter) {
        String[] others = adapters(classes, root).stream().filter(a -> !a.equals(adapter)).map(a -> root + "." + a + "..")
                .toArray(String[]::new);
        String[] forbidden = Arrays.copyOf(others, others.length + 1);
        forbidden[others.length] = root + ".bootstrap..";
        return noClasses().that().resideInAPackage(root + "." + adapter + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .allowEmptyShould(false)
                .because("adapters never import each other; only bootstrap sees more than one");
    }

    static ArchRule modelAdaptersSeeDomainPortsOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".llm..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application..")
                .allowEmptyShould(false)
                .because("a language model adapter implements a domain port and needs nothing else");
    }

    static ArchRule noMutableStaticState(String root) {
        return fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .and().areDeclaredInClassesThat().resideOutsideOfPackage(root + ".testing..")
                .should(beImmutableConstants())
                .allowEmptyShould(false)
                .because("the server holds no state between requests: PostgreSQL is the only source of truth");
    }

    /** The given packages and the parts of the JDK that are not a technology (no JDBC, no networking, no files). */
    private static String[] plainJdk(String... own) {
        List<String> packages = new java.util.ArrayList<>(List.of(own));
        packages.addAll(List.of("java.lang..", "java.util..", "java.time..", "java.math..", "java.io"));
        return packages.toArray(String[]::new);
    }

    private static ArchCondition<JavaField> beImmutableConstants() {
        return new ArchCondition<>("be final and of a type that cannot change") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                String type = field.getRawType().getName();
                boolean mutable = !field.getModifiers().contains(JavaModifier.FINAL)
                        || isMutableType(type)
                        || type.endsWith("[]") && !field.getName().equals("$VALUES")
                        || isCollection(field) && initialisesMutableCollections(field.getOwner());
                if (mutable) {
                    events.add(SimpleConditionEvent.violated(field,
                            field.getFullName() + " is static state that can change (" + type + ")"));
                }
            }
        };
    }

    private static boolean isMutableType(String type) {
        return MUTABLE_TYPES.contains(type) || type.startsWith("java.util.concurrent.");
    }

    private static boolean isCollection(JavaField field) {
        return field.getRawType().isAssignableTo(java.util.Collection.class)
                || field.getRawType().isAssignableTo(java.util.Map.class);
    }

    /** A {@code static final Map} is a constant only if the class never builds a mutable collection to fill it. */
    private static boolean initialisesMutableCollections(JavaClass owner) {
        return owner.getStaticInitializer().stream()
                .flatMap(initializer -> initializer.getConstructorCallsFromSelf().stream())
                .anyMatch(call -> isMutableType(call.getTargetOwner().getName()));
    }
}
