package dev.todochat.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java sample in the README and in {@code docs/*.md} is a tagged region of an example in this module, which is
 * compiled and run: the sample is marked {@code <!-- snippet: Example#tag -->} and must equal the region between
 * {@code // tag::tag[]} and {@code // end::tag[]}, without its indentation. A sample that drifts, or one without a
 * marker, fails here.
 */
class SnippetsTest {
    private static final Path DOCS = Path.of(".");
    private static final Path EXAMPLES = Path.of("src", "test", "java", "dev", "todochat", "docs");
    private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\w+)#([\\w-]+) -->");

    @Test
    void every_java_sample_in_the_readme_and_the_docs_is_a_region_of_a_compiled_example() throws IOException {
        List<String> checked = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("```java")) {
                    continue;
                }
                Matcher marker = MARKER.matcher(i > 0 ? lines.get(i - 1).strip() : "");
                assertThat(marker.matches()).as("%s line %d: a Java sample needs a <!-- snippet: Example#tag -->"
                        + " line right above it", page, i + 1).isTrue();
                int end = i + 1;
                while (!lines.get(end).strip().equals("```")) {
                    end++;
                }
                String sample = String.join("\n", lines.subList(i + 1, end));
                assertThat(sample).as("%s line %d against %s#%s", page, i + 1, marker.group(1), marker.group(2))
                        .isEqualTo(region(marker.group(1), marker.group(2)));
                checked.add(marker.group(1) + "#" + marker.group(2));
            }
        }
        assertThat(checked).contains("EmbeddingExample#embedding", "EmbeddersOwnTestExample#own-test",
                "OpenAiModelExample#openai-model");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(DOCS.resolve("..").resolve("README.md"));
        try (Stream<Path> files = Files.list(DOCS)) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The lines between the tag comments of {@code example}, less the indentation they share. */
    private static String region(String example, String tag) throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLES.resolve(example + ".java"));
        int start = indexOf(lines, "// tag::" + tag + "[]", example);
        int end = indexOf(lines, "// end::" + tag + "[]", example);
        List<String> region = lines.subList(start + 1, end);
        int indent = region.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return String.join("\n", region.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList());
    }

    private static int indexOf(List<String> lines, String comment, String example) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(comment)) {
                return i;
            }
        }
        throw new AssertionError(example + ".java has no line " + comment);
    }
}
