package dev.todochat.llm.offline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TitleMatcherTest {
    private static final ListedTask DESIGN_REVIEW = new ListedTask(1, "Design review", null, false);
    private static final ListedTask DESIGN_REVIEW_NOTES =
            new ListedTask(2, "Send the design review notes", null, false);
    private static final ListedTask MOCKUPS = new ListedTask(3, "Review the mockups", null, false);
    private static final List<ListedTask> TASKS = List.of(DESIGN_REVIEW, DESIGN_REVIEW_NOTES, MOCKUPS);

    @Test
    void should_ignore_case_articles_punctuation_and_filler() {
        assertThat(TitleMatcher.match("the Design-Review task, as done", TASKS)).containsExactly(DESIGN_REVIEW);
    }

    @Test
    void should_match_titles_that_contain_the_words_when_none_is_exact() {
        assertThat(TitleMatcher.match("review notes", TASKS)).containsExactly(DESIGN_REVIEW_NOTES);
        assertThat(TitleMatcher.match("review", TASKS)).containsExactly(DESIGN_REVIEW, DESIGN_REVIEW_NOTES, MOCKUPS);
    }

    @Test
    void should_match_a_title_holding_every_word_in_any_order_and_in_any_form() {
        assertThat(TitleMatcher.match("mockups reviewed", TASKS)).containsExactly(MOCKUPS);
    }

    @Test
    void should_only_suggest_a_title_that_shares_some_of_the_words() {
        assertThat(TitleMatcher.match("mockup review meeting", TASKS)).isEmpty();
        assertThat(TitleMatcher.closest("mockup review meeting", TASKS)).first().isEqualTo(MOCKUPS);
    }

    @Test
    void should_match_nothing_when_too_few_words_are_shared() {
        assertThat(TitleMatcher.match("dentist appointment review", TASKS)).isEmpty();
        assertThat(TitleMatcher.match("the task", TASKS)).isEmpty();
    }
}
