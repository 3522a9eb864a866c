package io.newsflow.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsflow.core.json.JsonCodec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostStatusTest {

    @Test
    void negativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new HostStatus("example.org", "feed", HostStatus.State.OK, -1, 0, null, null, null));
    }

    @Test
    void serialisesStateByNameAndLeavesOutUnknownTimes() throws Exception {
        HostStatus status = new HostStatus("example.org", "feed", HostStatus.State.BACKING_OFF, 3, 2,
                Instant.parse("2026-11-28T12:00:00Z"), null, "HTTP 503");

        assertEquals("{\"host\":\"example.org\",\"source\":\"feed\",\"state\":\"BACKING_OFF\",\"fetched\":3,\"failed\":2,"
                + "\"lastFetchAt\":\"2026-11-28T12:00:00Z\",\"detail\":\"HTTP 503\"}", JsonCodec.MAPPER.writeValueAsString(status));
    }
}
