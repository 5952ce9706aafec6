package dev.todochat.bootstrap;

import dev.todochat.domain.Task;
import dev.todochat.domain.port.ModelFailure;
import dev.todochat.domain.port.ModelReply;
import dev.todochat.llm.offline.OfflineAssistant;
import dev.todochat.llm.scripted.ScriptedModel;
import dev.todochat.llm.scripted.ToolCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in a real headless Chromium against the real server: a person signs in by name, chats, sees the
 * task appear, reloads, and finds the conversation again. Elements are found the way a person finds them: the field
 * labelled Message, the button named Send. A screenshot of the page goes to {@code target/screenshots}.
 */
class ChatPageInBrowserTest {
    /** Kept off the console: the page shows a failed turn, which logs its one line. */
    @RegisterExtension
    final CapturedLogs expectedWarnings = new CapturedLogs();

    private static final String MESSAGES = "document.getElementById('messages')";
    private static final String MESSAGE_FIELD = "[...document.querySelectorAll('label')]"
            + ".find(l => l.textContent.trim() === 'Message').control";
    private static final String USER_FIELD = "[...document.querySelectorAll('label')]"
            + ".find(l => l.textContent.trim() === 'User').control";
    private static final String SEND_BUTTON = "[...document.querySelectorAll('button')]"
            + ".find(b => b.textContent.trim() === 'Send')";
    private static final String TASK_TITLES = "[...document.querySelectorAll('#task-list label')].map(l => l.textContent)";

    private RunningServer server;
    private Chromium browser;
    /** Lets a model held by a test answer; released after every test so a failed one never hangs the server. */
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start_chromium() throws IOException {
        browser = Chromium.launch();
        browser.viewport(1280, 860, false);
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_person_signs_in_adds_a_task_by_chat_and_finds_the_conversation_again_after_a_reload() throws IOException {
        server = RunningServer.withDevSignIn(new OfflineAssistant());
        signInAs("alice");
        browser.evaluate("window.__busy = false; new MutationObserver(() => { window.__busy ||= "
                + MESSAGES + ".getAttribute('aria-busy') === 'true'; }).observe(" + MESSAGES
                + ", {attributes: true}); true");

        send("Add a task to water the plants");

        browser.waitFor(assistantSaid("water the plants"), "the assistant's reply shows");
        browser.waitFor(TASK_TITLES + ".includes('water the plants')", "the task panel shows the new task");
        assertThat(browser.evaluate("window.__busy").asBoolean()).as("aria-busy while the agent ran").isTrue();
        assertThat(browser.evaluate(MESSAGES + ".getAttribute('aria-busy')").asText()).isEqualTo("false");
        assertThat(browser.evaluate(MESSAGE_FIELD + ".value").asText()).isEmpty();
        browser.waitFor("document.querySelector('#conversation-list [aria-current=true]')?.textContent"
                + ".startsWith('Add a task to water the plants')", "the conversation list shows the new conversation");

        browser.reload();

        browser.waitFor(MESSAGES + ".textContent.includes('Add a task to water the plants') && "
                + assistantSaid("water the plants"), "the conversation shows again after the reload");
        browser.waitFor(TASK_TITLES + ".includes('water the plants')", "the task panel shows the task after the reload");
        assertThat(browser.evaluate("document.getElementById('chat-title').textContent").asText())
                .isEqualTo("Add a task to water the plants");
        assertThat(browser.evaluate(MESSAGES + ".querySelector('details summary').textContent").asText())
                .isEqualTo("1 tool call");
    }

    @Test
    void each_turns_tool_calls_open_to_show_inputs_and_results_and_the_task_panel_manages_tasks() throws IOException {
        server = RunningServer.withDevSignIn(new OfflineAssistant());
        signInAs("alice");
        send("Add a task to water the plants");
        browser.waitFor(assistantSaid("water the plants"), "the first reply shows");
        send("Add a task to call mum");
        browser.waitFor(TASK_TITLES + ".includes('call mum')", "the second task shows");
        browser.waitFor(MESSAGES + ".querySelectorAll('.message.assistant').length === 2", "the second reply shows");
        assertThat(browser.evaluate("[...document.querySelectorAll('#task-list .task-number')]"
                + ".map(n => n.textContent).join(' ')").asText()).isEqualTo("#1 #2");
        send("Mark water the plants as done");
        browser.waitFor("document.querySelector('#task-list li.done label')?.textContent === 'water the plants'",
                "the task panel shows the task as done");
        browser.waitFor(MESSAGES + ".querySelectorAll('.message.assistant').length === 3", "the third reply shows");

        browser.click("[..." + MESSAGES + ".querySelectorAll('details summary')].at(-1)");

        String opened = MESSAGES + ".querySelector('details[open]')";
        browser.waitFor(opened + " !== null", "the last turn's tool calls open");
        assertThat(browser.evaluate(opened + ".querySelector('summary').textContent").asText()).isEqualTo("2 tool calls");
        assertThat(browser.evaluate(opened + ".innerText").asText())
                .contains("list_tasks", "complete_task", "Input", "Result", "\"task_id\": 1", "\"completed\": true");

        browser.click("document.querySelector('#task-list input:not(:checked)')");

        browser.waitFor("document.querySelectorAll('#task-list li.done').length === 2", "the panel completes call mum");
        assertThat(server.tasksOf("alice")).allMatch(Task::completed);
        Path screenshot = Path.of("target", "screenshots", "chat-page.png");
        browser.screenshot(screenshot);
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    @Test
    void a_turns_tools_show_as_each_round_is_committed_before_the_answer_is_written() {
        server = RunningServer.withDevSignIn(ScriptedModel.create()
                .replyToolCalls(ToolCalls.addTask("water the plants"))
                .then(prompt -> {
                    awaitRelease();
                    return ModelReply.text("Added water the plants.");
                }));
        signInAs("alice");

        send("Add a task to water the plants");

        browser.waitFor(MESSAGES + ".querySelector('.tools summary')?.textContent === '1 tool call'",
                "the committed tool call shows while the model still thinks");
        browser.waitFor(TASK_TITLES + ".includes('water the plants')", "the task panel shows the task already");
        assertThat(browser.evaluate(MESSAGES + ".getAttribute('aria-busy')").asText()).isEqualTo("true");
        assertThat(browser.evaluate("document.getElementById('status').textContent").asText())
                .startsWith("Ran add_task");
        assertThat(browser.evaluate(MESSAGES + ".querySelectorAll('.message.assistant').length").asInt()).isZero();

        release.countDown();

        browser.waitFor(assistantSaid("Added water the plants."), "the answer shows");
        browser.waitFor(MESSAGES + ".getAttribute('aria-busy') === 'false'", "the turn is over");
        assertThat(browser.evaluate(MESSAGES + ".querySelectorAll('.tools').length").asInt())
                .as("the live tool panel is replaced by the turn's, not doubled").isEqualTo(1);
    }

    @Test
    void markup_in_a_message_shows_as_literal_text_and_runs_nothing() {
        server = RunningServer.withDevSignIn(new OfflineAssistant());
        signInAs("mallory");
        String attack = "<img src=x onerror=alert(1)>";

        send(attack);

        browser.waitFor(MESSAGES + ".querySelectorAll('.message.assistant').length === 1", "the assistant answers");
        assertThat(browser.evaluate(MESSAGES + ".querySelector('.message.user .text').textContent").asText())
                .isEqualTo(attack);
        assertThat(browser.evaluate(MESSAGES + ".querySelectorAll('img, [onerror]').length").asInt()).isZero();
        browser.reload();
        browser.waitFor(MESSAGES + ".querySelectorAll('.message').length === 2", "the conversation shows again");
        assertThat(browser.evaluate(MESSAGES + ".querySelectorAll('img, [onerror]').length").asInt()).isZero();
        assertThat(browser.dialogs()).isEmpty();

        browser.evaluate("setTimeout(() => alert('probe'), 0); true");
        assertThat(browser.firstDialog().get("message").asText()).as("a dialog that does open is seen")
                .isEqualTo("probe");
        browser.acceptDialog();
    }

    @Test
    void an_unavailable_model_is_explained_in_words_and_the_draft_is_kept() {
        server = RunningServer.withDevSignIn(ScriptedModel.create()
                .thenFail(new ModelFailure(ModelFailure.Kind.RATE_LIMITED, "rate limited", Duration.ofSeconds(7), null))
                .replyText("Now it works."));
        signInAs("alice");

        send("Remind me to call mum");

        browser.waitFor("document.getElementById('error').textContent !== ''", "an error shows");
        assertThat(browser.evaluate("document.getElementById('error').textContent").asText())
                .isEqualTo("The model is unavailable right now. Please wait 7 seconds, then try again.");
        assertThat(browser.evaluate(MESSAGE_FIELD + ".value").asText()).isEqualTo("Remind me to call mum");
        assertThat(browser.evaluate(MESSAGES + ".querySelectorAll('.message').length").asInt()).isZero();

        browser.click(SEND_BUTTON);

        browser.waitFor(assistantSaid("Now it works."), "the retry is answered");
        assertThat(browser.evaluate("document.getElementById('error').textContent").asText()).isEmpty();
        assertThat(browser.evaluate(MESSAGE_FIELD + ".value").asText()).isEmpty();
    }

    @Test
    void at_phone_width_everything_fits_and_the_keyboard_reaches_the_send_button() throws IOException {
        server = RunningServer.withDevSignIn(new OfflineAssistant());
        browser.viewport(390, 844, true);
        signInAs("alice");

        assertThat(browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asBoolean())
                .as("no sideways scrolling").isTrue();
        assertThat(browser.evaluate("(() => { const r = " + SEND_BUTTON + ".getBoundingClientRect();"
                + " return r.width > 0 && r.right <= window.innerWidth; })()").asBoolean()).isTrue();
        browser.evaluate(MESSAGE_FIELD + ".focus(); true");
        browser.type("first line");
        browser.pressEnter(true);
        browser.type("second line");
        assertThat(browser.evaluate(MESSAGE_FIELD + ".value").asText()).isEqualTo("first line\nsecond line");
        assertThat(browser.evaluate(MESSAGES + ".children.length").asInt()).as("Shift+Enter sends nothing").isZero();

        browser.pressTab();

        assertThat(browser.evaluate("document.activeElement === " + SEND_BUTTON).asBoolean()).isTrue();
        browser.screenshot(Path.of("target", "screenshots", "chat-page-phone.png"));
    }

    private void signInAs(String user) {
        browser.open(server.baseUrl() + "/");
        browser.waitFor(USER_FIELD + " && " + USER_FIELD + ".offsetParent !== null", "the User field shows");
        browser.evaluate(USER_FIELD + ".focus(); true");
        browser.type(user);
        browser.pressEnter(false);
        browser.waitFor(MESSAGE_FIELD + ".offsetParent !== null && document.getElementById('who-name').textContent === '"
                + user + "'", "the chat shows, signed in as " + user);
    }

    /** Types into the field labelled Message and presses Enter, as a person would. */
    private void send(String text) {
        browser.evaluate(MESSAGE_FIELD + ".focus(); true");
        browser.type(text);
        browser.pressEnter(false);
    }

    private void awaitRelease() {
        try {
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the model");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String assistantSaid(String text) {
        return "[..." + MESSAGES + ".querySelectorAll('.message.assistant .text')].some(p => p.textContent.includes('"
                + text + "'))";
    }
}
