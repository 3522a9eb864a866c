package io.newsflow.enrich.tag.person;

import java.util.Arrays;

/**
 * Open-addressing map from feature hash to weight row, without boxing. Training fills it; a
 * {@link WeightTable} copies its slots for the tagger's lookups.
 */
final class LongIntMap {

    static final long EMPTY = 0L;

    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
    }

    int size() {
        return size;
    }

    /** The row of {@code key}, or -1. */
    int get(long key) {
        long k = stored(key);
        int mask = keys.length - 1;
        int i = home(k, mask);
        while (true) {
            long at = keys[i];
            if (at == k) {
                return values[i];
            }
            if (at == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    void put(long key, int value) {
        long k = stored(key);
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = home(k, mask);
        while (keys[i] != EMPTY && keys[i] != k) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            size++;
        }
        keys[i] = k;
        values[i] = value;
    }

    /** Calls {@code visitor} with every entry. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }

    interface Visitor {
        void visit(long key, int value);
    }

    int capacity() {
        return keys.length;
    }

    /** Calls {@code visitor} with every entry and its slot, in slot order. */
    void forEachSlot(SlotVisitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(i, keys[i], values[i]);
            }
        }
    }

    interface SlotVisitor {
        void visit(int slot, long key, int value);
    }

    /** The key as kept in a slot: 0 marks an empty slot, so it is kept as 1. */
    static long stored(long key) {
        return key == EMPTY ? 1 : key;
    }

    /** The first slot to probe for a stored key in a table of {@code mask + 1} slots. */
    static int home(long storedKey, int mask) {
        return mix(storedKey) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
        Arrays.fill(oldKeys, EMPTY);
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
