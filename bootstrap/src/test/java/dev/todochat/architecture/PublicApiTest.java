package dev.todochat.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each published module offers embedders, pinned in {@code api/<module>.txt}: every public type outside the
 * {@code internal} packages, with its public and protected members. A change to it shows in the diff of those files,
 * so that it is a decision someone reviews. After a deliberate change (or a merge that adds API), regenerate them:
 * <pre>{@code ./mvnw -pl bootstrap -am -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtodochat.api.update=true verify}</pre>
 */
class PublicApiTest {
    /** The published modules by their root package; bootstrap is the server, not a library. */
    private static final Map<String, String> MODULES = Map.of(
            "dev.todochat.domain", "domain",
            "dev.todochat.application", "application",
            "dev.todochat.persistence", "adapters-persistence",
            "dev.todochat.llm", "adapters-llm",
            "dev.todochat.mcp", "adapters-mcp",
            "dev.todochat.http", "adapters-http",
            "dev.todochat.testing", "testing");
    private static final Path LISTINGS = Path.of("..", "api");
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(MODULES.keySet().toArray(String[]::new));

    @Test
    void each_published_modules_public_api_is_the_committed_listing() throws IOException {
        Map<String, List<String>> listings = listings();
        assertThat(listings).hasSize(MODULES.size());
        boolean update = Boolean.getBoolean("todochat.api.update");
        for (Map.Entry<String, List<String>> module : listings.entrySet()) {
            Path file = LISTINGS.resolve(module.getKey() + ".txt");
            String actual = String.join("\n", module.getValue()) + "\n";
            if (update) {
                Files.createDirectories(LISTINGS);
                Files.writeString(file, actual);
            }
            assertThat(file).as("the public API of %s changed: review it, then regenerate api/*.txt with"
                    + " -Dtodochat.api.update=true (see PublicApiTest)", module.getKey()).exists();
            assertThat(Files.readString(file)).as("the public API of %s (api/%s.txt); if the change is meant,"
                    + " regenerate with -Dtodochat.api.update=true", module.getKey(), module.getKey())
                    .isEqualTo(actual);
        }
    }

    private static Map<String, List<String>> listings() {
        Map<String, List<String>> byModule = new TreeMap<>();
        PRODUCTION.stream()
                .filter(PublicApiTest::isPublished)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .forEach(type -> byModule.computeIfAbsent(module(type), m -> new ArrayList<>())
                        .addAll(describe(type.reflect())));
        return byModule;
    }

    private static boolean isPublished(JavaClass type) {
        String name = type.getPackageName();
        if (name.contains(".internal") || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        for (JavaClass at = type; at != null; at = at.getEnclosingClass().orElse(null)) {
            if (!Modifier.isPublic(at.reflect().getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static String module(JavaClass type) {
        return MODULES.entrySet().stream().filter(m -> type.getPackageName().startsWith(m.getKey()))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    private static List<String> describe(Class<?> type) {
        List<String> lines = new ArrayList<>();
        lines.add(type.toGenericString());
        Stream.of(type.getDeclaredFields(), type.getDeclaredConstructors(), type.getDeclaredMethods())
                .flatMap(Stream::of)
                .map(Member.class::cast)
                .filter(member -> !member.isSynthetic() && visible(member.getModifiers()))
                .map(PublicApiTest::signature)
                .sorted()
                .forEach(signature -> lines.add("    " + signature));
        return lines;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String signature(Member member) {
        return switch (member) {
            case Field field -> field.toGenericString();
            case Executable executable -> executable.toGenericString();
            default -> member.toString();
        };
    }
}
