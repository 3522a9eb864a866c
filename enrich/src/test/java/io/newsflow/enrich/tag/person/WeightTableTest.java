package io.newsflow.enrich.tag.person;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightTableTest {

    @Test
    void addsTheRowOfAKnownHashAndNothingForAnUnknownOne() {
        LongIntMap index = new LongIntMap(4);
        float[] weights = new float[3 * Labels.COUNT];
        for (int row = 0; row < 3; row++) {
            index.put(1000L + row, row);
            for (int l = 0; l < Labels.COUNT; l++) {
                weights[row * Labels.COUNT + l] = row * 10 + l + 0.5f;
            }
        }
        WeightTable table = new WeightTable(index, weights);
        float[] scores = new float[Labels.COUNT];
        table.add(1001L, scores);
        table.add(999L, scores);
        for (int l = 0; l < Labels.COUNT; l++) {
            assertEquals(10 + l + 0.5f, scores[l]);
        }
        assertEquals(3, table.size());
    }

    @Test
    void findsHashZeroWhereTheMapKeepsIt() {
        LongIntMap index = new LongIntMap(2);
        index.put(0L, 0);
        float[] weights = new float[Labels.COUNT];
        weights[3] = 2f;
        float[] scores = new float[Labels.COUNT];
        new WeightTable(index, weights).add(0L, scores);
        assertEquals(2f, scores[3]);
    }

    // the written model lists rows in this order, so it must not change with the table
    @Test
    void visitsEntriesInTheOrderOfTheMap() {
        LongIntMap index = new LongIntMap(64);
        float[] weights = new float[50 * Labels.COUNT];
        for (int row = 0; row < 50; row++) {
            index.put(row * 0x9E3779B97F4A7C15L + 7, row);
            weights[row * Labels.COUNT + row % Labels.COUNT] = row + 1;
        }
        List<Long> mapOrder = new ArrayList<>();
        List<float[]> mapRows = new ArrayList<>();
        index.forEach((key, row) -> {
            mapOrder.add(key);
            float[] copy = new float[Labels.COUNT];
            System.arraycopy(weights, row * Labels.COUNT, copy, 0, Labels.COUNT);
            mapRows.add(copy);
        });
        List<Long> tableOrder = new ArrayList<>();
        List<float[]> tableRows = new ArrayList<>();
        new WeightTable(index, weights).forEach((key, row) -> {
            tableOrder.add(key);
            tableRows.add(row.clone());
        });
        assertEquals(mapOrder, tableOrder);
        for (int i = 0; i < mapRows.size(); i++) {
            assertArrayEquals(mapRows.get(i), tableRows.get(i));
        }
    }
}
