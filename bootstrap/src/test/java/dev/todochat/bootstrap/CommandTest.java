package dev.todochat.bootstrap;

import dev.todochat.domain.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTest {

    @Test
    void should_serve_when_given_no_command() {
        assertThat(Command.parse()).isEqualTo(new Command.Serve());
        assertThat(Command.parse("serve")).isEqualTo(new Command.Serve());
    }

    @Test
    void should_read_the_token_command_with_a_default_lifetime_of_24_hours() {
        assertThat(Command.parse("token", "--user", "alice"))
                .isEqualTo(new Command.IssueToken(new UserId("alice"), Duration.ofHours(24)));
    }

    @Test
    void should_read_the_token_lifetime_in_either_flag_form() {
        assertThat(Command.parse("token", "--ttl", "30m", "--user", "bob"))
                .isEqualTo(new Command.IssueToken(new UserId("bob"), Duration.ofMinutes(30)));
        assertThat(Command.parse("token", "--user=bob", "--ttl=PT2H"))
                .isEqualTo(new Command.IssueToken(new UserId("bob"), Duration.ofHours(2)));
    }

    @Test
    void should_read_migrate_and_help() {
        assertThat(Command.parse("migrate")).isEqualTo(new Command.Migrate());
        assertThat(Command.parse("help")).isEqualTo(new Command.Help());
        assertThat(Command.parse("--help")).isEqualTo(new Command.Help());
        assertThat(Command.parse("-h")).isEqualTo(new Command.Help());
    }

    @Test
    void should_refuse_what_it_does_not_understand_saying_why() {
        assertUsageError("unknown command 'start'", "start");
        assertUsageError("token needs --user ID", "token");
        assertUsageError("--user needs a value", "token", "--user");
        assertUsageError("unknown option '--days' for token", "token", "--user", "alice", "--days", "3");
        assertUsageError("unexpected argument 'now' for migrate", "migrate", "now");
        assertUsageError("unexpected argument 'extra' for token", "token", "--user", "alice", "extra");
        assertUsageError("--user: user id must not contain spaces or control characters", "token", "--user", "al ice");
    }

    @Test
    void should_read_mcp_stdio_with_its_user_in_either_flag_form() {
        assertThat(Command.parse("mcp-stdio", "--user", "alice")).isEqualTo(new Command.McpStdio(new UserId("alice")));
        assertThat(Command.parse("mcp-stdio", "--user=bob")).isEqualTo(new Command.McpStdio(new UserId("bob")));
    }

    @Test
    void should_refuse_mcp_stdio_without_a_usable_user() {
        assertUsageError("mcp-stdio needs --user ID", "mcp-stdio");
        assertUsageError("unknown option '--ttl' for mcp-stdio", "mcp-stdio", "--user", "alice", "--ttl", "1h");
        assertUsageError("--user: user id must not contain spaces or control characters", "mcp-stdio", "--user",
                "al ice");
    }

    @Test
    void should_refuse_a_lifetime_it_cannot_read() {
        assertThatThrownBy(() -> Command.parse("token", "--user", "alice", "--ttl", "soon"))
                .isInstanceOf(Command.UsageError.class)
                .hasMessageStartingWith("--ttl: cannot read 'soon' as a lifetime");
    }

    private static void assertUsageError(String message, String... args) {
        assertThatThrownBy(() -> Command.parse(args)).isInstanceOf(Command.UsageError.class).hasMessage(message);
    }
}
