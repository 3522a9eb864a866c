package io.newsflow.enrich.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisitScheduleTest {

    @Test
    void readsOffsetsWithUnitsAndCountsThemFromTheFirstFetch() {
        RevisitSchedule schedule = RevisitSchedule.parse(List.of("30m", " 6h", "1d"));
        Instant first = Instant.parse("2026-11-28T10:00:00Z");
        assertEquals(first.plus(Duration.ofMinutes(30)), schedule.due(first, 0));
        assertEquals(first.plus(Duration.ofDays(1)), schedule.due(first, 2));
        assertNull(schedule.due(first, 3));
        assertEquals(Duration.ofDays(1), schedule.horizon());
    }

    @Test
    void refusesAnOffsetWithoutUnitOrOutOfOrder() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RevisitSchedule.parse(List.of("6"))).getMessage()
                .contains("'6'"));
        assertThrows(IllegalArgumentException.class, () -> RevisitSchedule.parse(List.of("6h", "1h")));
    }

    @Test
    void anEmptyScheduleTurnsRevisitsOff() {
        assertNull(RevisitSchedule.parse(List.of()).due(Instant.EPOCH, 0));
    }
}
