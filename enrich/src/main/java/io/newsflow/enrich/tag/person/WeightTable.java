package io.newsflow.enrich.tag.person;

/**
 * The model's weight rows stored by the hash slots of their features: a lookup reads the key and
 * then the row at the same slot, without a row number in between. Slots mirror the
 * {@link LongIntMap} the table is built from, so iteration order, and with it the bytes of a
 * written model, stay the same. Empty slots hold a row of zeros too, so the rows take two to four
 * times the space of a dense array: a few megabytes, for one dependent cache miss fewer per lookup.
 * Immutable.
 */
final class WeightTable {

    private final long[] keys;
    private final float[] rows;
    private final int mask;
    private final int size;

    WeightTable(LongIntMap index, float[] weights) {
        keys = new long[index.capacity()];
        rows = new float[index.capacity() * Labels.COUNT];
        mask = index.capacity() - 1;
        size = index.size();
        index.forEachSlot((slot, key, row) -> {
            keys[slot] = key;
            System.arraycopy(weights, row * Labels.COUNT, rows, slot * Labels.COUNT, Labels.COUNT);
        });
    }

    int size() {
        return size;
    }

    /** Adds the row of {@code hash}, if the model knows it, to per-label scores. */
    void add(long hash, float[] scores) {
        int slot = find(hash);
        if (slot >= 0) {
            int at = slot * Labels.COUNT;
            for (int l = 0; l < Labels.COUNT; l++) {
                scores[l] += rows[at + l];
            }
        }
    }

    /** Calls {@code visitor} with every key and its row, in slot order; the row array is reused. */
    void forEach(Visitor visitor) {
        float[] row = new float[Labels.COUNT];
        for (int slot = 0; slot <= mask; slot++) {
            if (keys[slot] != LongIntMap.EMPTY) {
                System.arraycopy(rows, slot * Labels.COUNT, row, 0, Labels.COUNT);
                visitor.visit(keys[slot], row);
            }
        }
    }

    interface Visitor {
        void visit(long key, float[] row);
    }

    // the probe sequence of LongIntMap.get
    private int find(long hash) {
        long k = LongIntMap.stored(hash);
        int i = LongIntMap.home(k, mask);
        while (true) {
            long key = keys[i];
            if (key == k) {
                return i;
            }
            if (key == LongIntMap.EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }
}
