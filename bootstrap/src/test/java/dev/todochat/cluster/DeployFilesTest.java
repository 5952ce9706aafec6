package dev.todochat.cluster;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files under {@code deploy/} agree with each other and with {@code docs/operations.md}: the documentation shows
 * the templates the tests run, word for word, and the containers fill every placeholder the templates have.
 */
class DeployFilesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    @Test
    void the_operations_guide_shows_the_nginx_and_pgbouncer_files_the_tests_run_word_for_word() throws IOException {
        String guide = Files.readString(DeployFiles.path("Dockerfile").getParent().resolveSibling("docs/operations.md"));

        assertThat(guide).contains(DeployFiles.read("nginx/todochat.conf.template"))
                .contains(DeployFiles.read("pgbouncer/pgbouncer.ini.template"));
    }

    @Test
    void compose_fills_every_placeholder_of_the_nginx_template() {
        String compose = DeployFiles.read("compose.yaml");

        assertThat(placeholders(DeployFiles.read("nginx/todochat.conf.template")))
                .containsExactlyInAnyOrder("NGINX_PORT", "TODOCHAT_1", "TODOCHAT_2", "TODOCHAT_3")
                .allSatisfy(name -> assertThat(compose).contains(name + ":"));
        assertThat(compose).contains("./nginx/todochat.conf.template:/etc/nginx/templates/default.conf.template");
    }

    @Test
    void the_pgbouncer_image_and_compose_fill_every_placeholder_of_the_pgbouncer_template() {
        Set<String> given = new TreeSet<>(Dockerfile.parse(DeployFiles.read("pgbouncer/Dockerfile")).env().keySet());
        Matcher composeKeys = Pattern.compile("^\\s+([A-Z0-9_]+):", Pattern.MULTILINE)
                .matcher(DeployFiles.read("compose.yaml"));
        while (composeKeys.find()) {
            given.add(composeKeys.group(1));
        }

        assertThat(given).containsAll(placeholders(DeployFiles.read("pgbouncer/pgbouncer.ini.template")));
    }

    @Test
    void the_instances_go_through_pgbouncer_without_prepared_statements_and_migrate_goes_to_postgres() {
        String compose = DeployFiles.read("compose.yaml");

        assertThat(compose).containsPattern("DATABASE_URL: postgres://.+@pgbouncer:6432/todochat\\?prepareThreshold=0")
                .containsPattern("DATABASE_URL: postgres://.+@postgres:5432/todochat\\n")
                .contains("todochat-1: *todochat", "todochat-2: *todochat", "todochat-3: *todochat");
    }

    private static Set<String> placeholders(String template) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
