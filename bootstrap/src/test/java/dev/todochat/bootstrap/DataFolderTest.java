package dev.todochat.bootstrap;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the data lives: {@code ~/.todochat} with {@code ~} read as a shell reads it, unless set outright. */
class DataFolderTest {
    private static final Path ACCOUNT_HOME = Path.of("/home/alice");

    @Test
    void home_from_the_environment_wins_over_the_accounts_home_folder() {
        Config config = Config.from(Map.of("HOME", "/tmp/fresh-home"), ACCOUNT_HOME);

        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/fresh-home/.todochat"));
        assertThat(config.embeddedPostgresDir()).isEqualTo(Path.of("/tmp/fresh-home/.todochat/postgres"));
        assertThat(config.jwtSecretFile()).isEqualTo(Path.of("/tmp/fresh-home/.todochat/jwt-secret"));
    }

    @Test
    void without_home_in_the_environment_the_accounts_home_folder_is_used() {
        assertThat(Config.from(Map.of(), ACCOUNT_HOME).dataDir()).isEqualTo(Path.of("/home/alice/.todochat"));
        assertThat(Config.from(Map.of("HOME", " "), ACCOUNT_HOME).dataDir())
                .isEqualTo(Path.of("/home/alice/.todochat"));
    }

    @Test
    void todochat_data_dir_wins_over_both_homes() {
        Config config = Config.from(Map.of("HOME", "/tmp/fresh-home", "TODOCHAT_DATA_DIR", "/srv/todochat"),
                ACCOUNT_HOME);

        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/todochat"));
    }
}
