package io.newsflow.enrich.story;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Signs a text for near-duplicate detection: the text is normalised (lower case, words of letters
 * and digits only, so punctuation, quotes and layout do not matter), cut into overlapping shingles
 * of {@link #SHINGLE} words, and summarised by {@link #HASHES} MinHash values, read as
 * {@link #BANDS} LSH bands of {@link #ROWS} rows.
 *
 * <p>The values come from one hash per shingle, not one per shingle and value (one permutation
 * hashing, Li, Owen and Zhang 2012): the hash's high half puts the shingle in one of
 * {@link #HASHES} bins, its low half competes for the least value of that bin, and an empty bin
 * borrows the value of a non-empty one picked by a fixed sequence of its own (optimal densification,
 * Shrivastava 2017), so that two texts agree on a value with probability their Jaccard similarity,
 * as with {@link #HASHES} hash functions, at the cost of one. The signing was the story step's
 * largest cost with one hash function per value (120 multiplications a shingle).
 *
 * <p>With 3 rows a band, two texts of Jaccard similarity s share at least one of 40 bands with
 * probability 1 - (1 - s^3)^40: 0.93 at s = 0.4, 0.995 at 0.5, 0.34 at 0.2, so copies are found
 * while unrelated articles (s near 0) almost never become candidates.
 */
public final class StorySigner {

    /** Words per shingle. */
    public static final int SHINGLE = 5;
    /** MinHash values per signature. */
    public static final int HASHES = 120;
    /** LSH bands; {@link #BANDS} x {@link #ROWS} = {@link #HASHES}. */
    public static final int BANDS = 40;
    /** Rows per LSH band. */
    public static final int ROWS = 3;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** The mark of a bin no shingle fell in: above every value, which has 32 bits. */
    private static final long EMPTY = Long.MAX_VALUE;
    // fixed, like every constant here: signatures stored in one run must compare with those of the next
    private static final long SEED = 0x5EED_5709_1E5L;
    /** An odd multiplier per word of a shingle. */
    private static final long[] POSITION_WEIGHTS = new long[SHINGLE];
    /**
     * The lower case of every char that is a letter or digit, 0 for every other: one read instead of
     * the code point lookups that cost most of the signing (128 KB, built once).
     */
    private static final char[] WORD_CHARS = new char[Character.MAX_VALUE + 1];

    static {
        for (int i = 0; i < SHINGLE; i++) {
            POSITION_WEIGHTS[i] = mix(SEED + i) | 1L;
        }
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isLetterOrDigit(c)) {
                WORD_CHARS[c] = Character.toLowerCase(c);
            }
        }
    }

    /**
     * The signature of {@code text}, or null when it has fewer than {@link #SHINGLE} words: too
     * short to tell a copy from a coincidence.
     */
    public @Nullable Signature sign(String text) {
        long[] words = wordHashes(text);
        if (words.length < SHINGLE) {
            return null;
        }
        long[] minima = new long[HASHES];
        Arrays.fill(minima, EMPTY);
        for (int start = 0; start + SHINGLE <= words.length; start++) {
            // the words' hashes are mixed already: a weighted sum tells their order, one mix spreads it
            long shingle = 0;
            for (int i = 0; i < SHINGLE; i++) {
                shingle += words[start + i] * POSITION_WEIGHTS[i];
            }
            shingle = mix(shingle);
            int bin = bin(shingle >>> 32);
            long value = shingle & 0xFFFFFFFFL;
            if (value < minima[bin]) {
                minima[bin] = value;
            }
        }
        int[] hashes = new int[HASHES];
        for (int bin = 0; bin < HASHES; bin++) {
            hashes[bin] = (int) (minima[bin] != EMPTY ? minima[bin] : minima[donor(bin, minima)]);
        }
        return new Signature(hashes);
    }

    /** The bin of a 32-bit hash: its share of 2^32 scaled to {@link #HASHES}. */
    private static int bin(long hash32) {
        return (int) ((hash32 * HASHES) >>> 32);
    }

    /**
     * The non-empty bin an empty one takes its value from: the first non-empty bin of a sequence that
     * depends only on the empty bin's number, so two texts with the same empty bin look in the same
     * places. At least one bin holds a value, since a signed text has a shingle.
     */
    private static int donor(int bin, long[] minima) {
        for (long attempt = 1; ; attempt++) {
            int candidate = bin(mix(SEED ^ (attempt << 8 | bin)) >>> 32);
            if (minima[candidate] != EMPTY) {
                return candidate;
            }
        }
    }

    /**
     * A 64-bit hash of each normalised word, in order: FNV-1a over the lower-cased code points of
     * each run of letters and digits, mixed; no string is built per word.
     */
    static long[] wordHashes(String text) {
        long[] hashes = new long[Math.max(16, text.length() / 5)];
        int count = 0;
        long h = FNV_OFFSET;
        boolean inWord = false;
        int length = text.length();
        for (int i = 0; i < length; ) {
            char c = text.charAt(i);
            int lower;
            if (Character.isSurrogate(c)) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                lower = Character.isLetterOrDigit(cp) ? Character.toLowerCase(cp) : 0;
            } else {
                i++;
                lower = WORD_CHARS[c];
            }
            if (lower != 0) {
                h = (h ^ lower) * FNV_PRIME;
                inWord = true;
            } else if (inWord) {
                if (count == hashes.length) {
                    hashes = Arrays.copyOf(hashes, count * 2);
                }
                hashes[count++] = mix(h);
                h = FNV_OFFSET;
                inWord = false;
            }
        }
        if (inWord) {
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count + 1);
            }
            hashes[count++] = mix(h);
        }
        return Arrays.copyOf(hashes, count);
    }

    /** The finaliser of SplitMix64: spreads every input bit over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
