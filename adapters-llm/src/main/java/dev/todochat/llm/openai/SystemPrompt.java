package dev.todochat.llm.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system prompt, kept as a resource ({@code system-prompt.md} beside this class) so that it reads as prose and
 * changes without touching code. {@code {{today}}} becomes the prompt's date in UTC, such as "Sunday, 22 November
 * 2026", so that the model can resolve "today" and "tomorrow".
 */
final class SystemPrompt {
    static final String RESOURCE = "system-prompt.md";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final String template;
    private final AtomicReference<Rendered> last = new AtomicReference<>(new Rendered(null, ""));

    private SystemPrompt(String template) {
        this.template = template;
    }

    /** The prompt of one day: it changes once a day, so it is rendered once a day. */
    private record Rendered(LocalDate day, String text) {
    }

    static SystemPrompt load() {
        try (InputStream in = SystemPrompt.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the system prompt resource " + RESOURCE + " is missing");
            }
            return new SystemPrompt(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("the system prompt resource could not be read", e);
        }
    }

    String render(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Rendered rendered = last.get();
        if (!day.equals(rendered.day())) {
            rendered = new Rendered(day, template.replace("{{today}}", DAY.format(now)));
            last.set(rendered);
        }
        return rendered.text();
    }
}
