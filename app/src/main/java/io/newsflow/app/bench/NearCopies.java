package io.newsflow.app.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bench's page {@code i}: page {@code i} modulo the set, and from the second round on a near
 * copy of it, with a sentence of its own added at the end of the page's longest paragraph.
 *
 * <p>Why not the exact page again: an exact copy's signature equals one already indexed, and the
 * story step stops at that first candidate and skips the band writes, its cheapest path. A copy
 * that differs by a sentence has an overlap below 1 with every earlier copy, so the story step
 * reads its bands, confirms its candidates and writes its bands: the costly path, which a stream
 * of syndicated copies (each with its own credit line or edit) takes. Extraction and tagging cost
 * the same as for the page itself, so the bench's other figures are unchanged.
 */
final class NearCopies {

    /** Words of the added sentence, each unique to its page: enough new shingles that even a long text's signature changes. */
    static final int WORDS = 48;

    private static final Pattern PARAGRAPH_END = Pattern.compile("</p\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAGRAPH_START = Pattern.compile("<p[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final List<String> pages;
    private final int[] insertAt;
    // the pages as the bench site serves them, encoded once: per request, encoding a page and
    // building its near copy took most of the site's CPU, which the bench counts as the pipeline's
    private final byte[][] utf8;
    private final int[] utf8InsertAt;

    NearCopies(List<String> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no pages");
        }
        this.pages = List.copyOf(pages);
        this.insertAt = pages.stream().mapToInt(NearCopies::endOfLongestParagraph).toArray();
        this.utf8 = new byte[pages.size()][];
        this.utf8InsertAt = new int[pages.size()];
        for (int i = 0; i < pages.size(); i++) {
            String html = pages.get(i);
            utf8[i] = html.getBytes(StandardCharsets.UTF_8);
            utf8InsertAt[i] = html.substring(0, insertAt[i]).getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** The HTML of page {@code page}. */
    String html(int page) {
        int index = page % pages.size();
        String html = pages.get(index);
        if (page < pages.size()) {
            return html;
        }
        int at = insertAt[index];
        return html.substring(0, at) + " " + sentence(page) + html.substring(at);
    }

    /** {@link #html(int) Page} {@code page} as UTF-8, from the bytes encoded once: its sentence is made once per call. */
    Utf8Page utf8(int page) {
        int index = page % pages.size();
        if (page < pages.size()) {
            return new Utf8Page(utf8[index], utf8[index].length, new byte[0]);
        }
        return new Utf8Page(utf8[index], utf8InsertAt[index], (" " + sentence(page)).getBytes(StandardCharsets.US_ASCII));
    }

    /** A page's bytes with {@code inserted} written in at byte {@code at}. */
    record Utf8Page(byte[] page, int at, byte[] inserted) {

        int length() {
            return page.length + inserted.length;
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(page, 0, at);
            out.write(inserted);
            out.write(page, at, page.length - at);
        }
    }

    /** A sentence no other page has: {@link #WORDS} words of letters and digits, each naming the page. */
    static String sentence(int page) {
        StringBuilder sentence = new StringBuilder("Copy");
        for (int word = 0; word < WORDS; word++) {
            sentence.append(' ').append(String.format(Locale.ROOT, "c%dw%d", page, word));
        }
        return sentence.append('.').toString();
    }

    /**
     * Where the paragraph with the most text ends (before its closing tag): the likeliest place in
     * the article's body; the end of the page when it has no closed paragraph.
     */
    static int endOfLongestParagraph(String html) {
        int best = html.length();
        int bestLength = -1;
        Matcher end = PARAGRAPH_END.matcher(html);
        Matcher start = PARAGRAPH_START.matcher(html);
        int from = 0;
        while (end.find()) {
            int open = -1;
            start.region(from, end.start());
            while (start.find()) {
                open = start.start();
            }
            if (open >= 0) {
                int length = TAG.matcher(html.substring(open, end.start())).replaceAll("").trim().length();
                if (length > bestLength) {
                    bestLength = length;
                    best = end.start();
                }
            }
            from = end.end();
        }
        return best;
    }
}
