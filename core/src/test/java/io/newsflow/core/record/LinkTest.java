package io.newsflow.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void aDiscoveredLinkCarriesNoRevisitFields() {
        String json = new String(JsonCodec.encode(new Link("https://news.example/a", "feed", AT, null)), StandardCharsets.UTF_8);
        assertEquals("{\"schema\":\"link/1\",\"url\":\"https://news.example/a\",\"source\":\"feed\","
                + "\"discoveredAt\":\"2026-03-02T10:00:00Z\"}", json);
    }

    @Test
    void aRevisitRoundTripsWithItsValidators() {
        Link revisit = Link.revisit("https://news.example/a", "feed", AT, "\"v1\"", "Mon, 02 Mar 2026 10:00:00 GMT");
        Link read = JsonCodec.decode(JsonCodec.encode(revisit), Link.class);
        assertTrue(read.isRevisit());
        assertEquals(revisit, read);
    }

    @Test
    void aLinkFromAnOlderProducerAndAnExplicitFalseAreNotRevisits() {
        Link old = JsonCodec.decode(("{\"schema\":\"link/1\",\"url\":\"https://news.example/a\",\"source\":\"feed\","
                + "\"discoveredAt\":\"2026-03-02T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8), Link.class);
        Link explicit = JsonCodec.decode(("{\"schema\":\"link/1\",\"url\":\"https://news.example/a\",\"source\":\"feed\","
                + "\"discoveredAt\":\"2026-03-02T10:00:00Z\",\"refetch\":false}").getBytes(StandardCharsets.UTF_8), Link.class);
        assertFalse(old.isRevisit());
        assertEquals(old, explicit);
    }
}
