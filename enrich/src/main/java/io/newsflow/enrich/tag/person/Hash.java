package io.newsflow.enrich.tag.person;

/** 64-bit feature hashes built without allocating strings (FNV-1a, then a murmur finaliser). */
final class Hash {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Hash() {
    }

    static long of(CharSequence s, int from, int to) {
        long h = OFFSET;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        return h;
    }

    static long of(CharSequence s) {
        return of(s, 0, s.length());
    }

    static long feature(int template, long value) {
        return finish(value * 0x9E3779B97F4A7C15L + template * 0xC2B2AE3D27D4EB4FL + template);
    }

    static long feature(int template, long a, long b) {
        return featureWithFinished(template, a, finish(b));
    }

    /** {@link #feature(int, long, long)} given {@code finish(b)}, for a b that pairs with many a. */
    static long featureWithFinished(int template, long a, long finishedB) {
        return feature(template, a * 31 + finishedB);
    }

    static long feature(int template, long a, long b, long c) {
        return feature(template, a * 31 + finish(b * 31 + finish(c)));
    }

    static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
