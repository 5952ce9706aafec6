package dev.todochat.bootstrap;

import dev.todochat.llm.offline.OfflineAssistant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's files as the server sends them: types, security headers, and markup that runs no inline script. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageTest {
    private final RunningServer server = RunningServer.with(new OfflineAssistant());

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void the_page_is_html_with_a_policy_that_allows_no_inline_script_and_nothing_from_elsewhere() {
        RunningServer.Reply page = server.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void the_markup_holds_no_script_but_the_one_file_and_no_event_handler_attributes() {
        String html = server.get("/").body();

        assertThat(Pattern.compile("<script\\b").matcher(html).results().count()).isEqualTo(1);
        assertThat(html).contains("<script src=\"/app.js\" defer></script>");
        assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContain("javascript:", "//cdn", "http");
    }

    @Test
    void the_message_box_is_labelled_message_and_the_button_is_named_send() {
        String html = server.get("/").body();

        assertThat(html).contains("<label for=\"message\">Message</label>", "<textarea id=\"message\"",
                "<button type=\"submit\" id=\"send\">Send</button>", "<label for=\"user\">User</label>",
                "role=\"status\"", "role=\"alert\"", "name=\"viewport\"");
    }

    @Test
    void the_script_and_the_styles_are_served_with_their_types() {
        RunningServer.Reply script = server.get("/app.js");
        RunningServer.Reply styles = server.get("/app.css");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(script.body()).contains("textContent").doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                "document.write", "eval(");
        assertThat(styles.status()).isEqualTo(200);
        assertThat(styles.header("Content-Type")).startsWith("text/css");
        assertThat(styles.body()).contains("@media (max-width: 800px)", ":focus-visible");
        assertThat(server.get("/favicon.svg").header("Content-Type")).startsWith("image/svg+xml");
    }
}
