package io.newsflow.core.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.metrics.MetricNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = "{not json".getBytes(StandardCharsets.UTF_8);

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        List<String> values = new ArrayList<>();
        for (Header h : record.headers().headers(name)) {
            values.add(new String(h.value(), StandardCharsets.UTF_8));
        }
        return values.size() == 1 ? values.get(0) : values.toString();
    }

    @Test
    void keepsTheOriginalBytesAndHeadersAndSaysWhereAndWhy() {
        RecordHeaders original = new RecordHeaders();
        original.add(DeadLetterHeaders.REPLAYED_FROM, "newsflow.dead-letters-0@7".getBytes(StandardCharsets.UTF_8));
        original.add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<byte[], byte[]> letter = DeadLetter.of(Stage.SINK, DeadLetter.Reason.UNDECODABLE, "newsflow.articles", 2, 41)
                .record(KEY, VALUE)
                .headers(original)
                .timestamp(1234L)
                .failure(new IllegalArgumentException("bad article"))
                .toRecord();
        assertEquals(Topics.DEAD_LETTERS.name(), letter.topic());
        assertArrayEquals(KEY, letter.key());
        assertArrayEquals(VALUE, letter.value());
        assertEquals(1234L, letter.timestamp());
        assertEquals("newsflow.dead-letters-0@7", header(letter, DeadLetterHeaders.REPLAYED_FROM));
        assertEquals("00-abc", header(letter, "traceparent"));
        assertEquals("sink", header(letter, DeadLetterHeaders.STAGE));
        assertEquals(IllegalArgumentException.class.getName(), header(letter, DeadLetterHeaders.CLASS));
        assertEquals("bad article", header(letter, DeadLetterHeaders.MESSAGE));
        assertEquals("newsflow.articles", header(letter, DeadLetterHeaders.TOPIC));
        assertEquals("2", header(letter, DeadLetterHeaders.PARTITION));
        assertEquals("41", header(letter, DeadLetterHeaders.OFFSET));
        assertNull(letter.headers().lastHeader(DeadLetterHeaders.PROCESSOR), "only a Streams job names a processor");
    }

    @Test
    void aSecondFailureReplacesTheFirstFailuresHeaders() {
        RecordHeaders original = new RecordHeaders();
        original.add(DeadLetterHeaders.STAGE, "ingest".getBytes(StandardCharsets.UTF_8));
        original.add(DeadLetterHeaders.MESSAGE, "old".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<byte[], byte[]> letter = DeadLetter.of(Stage.ENRICH, DeadLetter.Reason.PROCESSING, "newsflow.pages", 0, 1)
                .record(null, VALUE)
                .headers(original)
                .processor("extract")
                .failure("java.lang.IllegalStateException", "new")
                .toRecord("dlq");
        assertEquals("dlq", letter.topic());
        assertEquals("enrich", header(letter, DeadLetterHeaders.STAGE));
        assertEquals("new", header(letter, DeadLetterHeaders.MESSAGE));
        assertEquals("extract", header(letter, DeadLetterHeaders.PROCESSOR));
    }

    @Test
    void cutsLongMessages() {
        ProducerRecord<byte[], byte[]> letter = DeadLetter.of(Stage.INGEST, DeadLetter.Reason.UNDECODABLE, "newsflow.links", 0, 0)
                .failure("x", "m".repeat(10_000))
                .toRecord();
        assertEquals(DeadLetter.MAX_MESSAGE_CHARS, header(letter, DeadLetterHeaders.MESSAGE).length());
    }

    @Test
    void isCountedByStageAndReason() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeadLetter.of(Stage.SINK, DeadLetter.Reason.REJECTED, "newsflow.articles", 0, 0).counter(registry).increment();
        assertEquals(1.0, registry.get(MetricNames.DEAD_LETTERS).tag(MetricNames.TAG_STAGE, "sink")
                .tag(MetricNames.TAG_REASON, "rejected").counter().count());
    }
}
