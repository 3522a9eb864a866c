package io.newsflow.enrich.story;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The MinHash signature of one text: for each of {@link StorySigner#HASHES} hash functions, the least
 * hash over the text's shingles. The share of positions where two signatures agree estimates the
 * Jaccard similarity of their shingle sets.
 *
 * @param hashes the minima, {@link StorySigner#HASHES} of them
 */
public record Signature(int[] hashes) {

    public Signature {
        requireNonNull(hashes, "hashes");
        if (hashes.length != StorySigner.HASHES) {
            throw new IllegalArgumentException("a signature has " + StorySigner.HASHES + " hashes, not " + hashes.length);
        }
        hashes = hashes.clone();
    }

    /** Estimated Jaccard similarity of the two shingle sets, from 0 to 1. */
    public double overlap(Signature other) {
        int same = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] == other.hashes[i]) {
                same++;
            }
        }
        return same / (double) hashes.length;
    }

    /**
     * The LSH band keys: band number and a hash of its {@link StorySigner#ROWS} rows, in fixed-width
     * hex, so two signatures that agree on every row of some band share a key.
     */
    public String[] bandKeys() {
        String[] keys = new String[StorySigner.BANDS];
        for (int band = 0; band < StorySigner.BANDS; band++) {
            long h = 0x9E3779B97F4A7C15L * (band + 1);
            for (int row = 0; row < StorySigner.ROWS; row++) {
                h = StorySigner.mix(h ^ (hashes[band * StorySigner.ROWS + row] & 0xFFFFFFFFL));
            }
            keys[band] = hex(band, 2) + hex(h, 16);
        }
        return keys;
    }

    /** {@code value} in lower-case hex, zero-padded to {@code digits}. */
    private static String hex(long value, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = Character.forDigit((int) (value & 0xF), 16);
            value >>>= 4;
        }
        return new String(out);
    }

    /** Whether some band of the two signatures agrees on every row: the two texts are candidates. */
    public boolean sharesBand(Signature other) {
        for (int band = 0; band < StorySigner.BANDS; band++) {
            boolean same = true;
            for (int row = band * StorySigner.ROWS; same && row < (band + 1) * StorySigner.ROWS; row++) {
                same = hashes[row] == other.hashes[row];
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int[] hashes() {
        return hashes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && Arrays.equals(hashes, s.hashes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "Signature" + Arrays.toString(Arrays.copyOf(hashes, 4)) + "...";
    }
}
