package io.newsflow.enrich.story;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Signs a text for near-duplicate detection: the text is normalised (lower case, words of letters
 * and digits only, so punctuation, quotes and layout do not matter), cut into overlapping shingles
 * of {@link #SHINGLE} words, and summarised by {@link #HASHES} MinHash values, read as
 * {@link #BANDS} LSH bands of {@link #ROWS} rows.
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
    private static final long[] MULTIPLIERS = new long[HASHES];
    private static final long[] ADDENDS = new long[HASHES];

    static {
        // fixed seed: signatures stored in one run must compare with those of the next
        SplittableRandom random = new SplittableRandom(0x5EED_5709_1E5L);
        for (int i = 0; i < HASHES; i++) {
            MULTIPLIERS[i] = random.nextLong() | 1L;
            ADDENDS[i] = random.nextLong();
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
        Arrays.fill(minima, Long.MAX_VALUE);
        for (int start = 0; start + SHINGLE <= words.length; start++) {
            long shingle = 0;
            for (int i = start; i < start + SHINGLE; i++) {
                shingle = mix(shingle * 31 + words[i]);
            }
            for (int h = 0; h < HASHES; h++) {
                // multiply-shift hashing: the high 32 bits of a*x + b, one cheap hash function per h
                long value = (MULTIPLIERS[h] * shingle + ADDENDS[h]) >>> 32;
                if (value < minima[h]) {
                    minima[h] = value;
                }
            }
        }
        int[] hashes = new int[HASHES];
        for (int h = 0; h < HASHES; h++) {
            hashes[h] = (int) minima[h];
        }
        return new Signature(hashes);
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
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                h = (h ^ Character.toLowerCase(cp)) * FNV_PRIME;
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
