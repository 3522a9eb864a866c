package io.newsflow.enrich.tag.text;

/**
 * One token of an article: its text and where it sits.
 *
 * @param text the token as written
 * @param start offset of the first character in the article text
 * @param end offset after the last character
 */
public record Token(String text, int start, int end) {
}
