package io.newsflow.ingest.replay;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.Topics;
import io.newsflow.ingest.fetch.CharsetDetector;
import io.newsflow.ingest.fetch.PageFetcher;
import io.newsflow.ingest.frontier.UrlCanonicalizer;
import io.newsflow.ingest.http.HttpResponseData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the HTML responses archived in WARC files (plain or gzipped per record, as CC-NEWS is)
 * as {@code newsflow.pages} records, so archives backfill through the same enrichment as the
 * crawler. Requests, metadata and non-HTML responses are skipped; broken records are counted and
 * skipped, and a file that cannot be read further ends with what it gave.
 */
public final class WarcReplayer {

    private static final Logger LOG = LoggerFactory.getLogger(WarcReplayer.class);

    /** Counts of one replay. */
    public record Summary(long published, long skipped, long broken) {
    }

    private final Producer<String, Page> producer;
    private final int maxBodyBytes;
    private final MeterRegistry registry;

    public WarcReplayer(Producer<String, Page> producer, int maxBodyBytes, MeterRegistry registry) {
        this.producer = requireNonNull(producer, "producer");
        this.maxBodyBytes = maxBodyBytes;
        this.registry = requireNonNull(registry, "registry");
    }

    /** Replays one file; I/O failures of the file itself are counted as broken, not thrown. */
    public Summary replay(Path file) {
        long published = 0;
        long skipped = 0;
        long broken = 0;
        String source = "warc:" + file.getFileName();
        try (WarcReader reader = new WarcReader(file)) {
            reader.setLenient(true);
            reader.onWarning(message -> LOG.debug("{}: {}", file, message));
            while (true) {
                Optional<WarcRecord> next;
                try {
                    next = reader.next();
                } catch (IOException | RuntimeException e) {
                    // a record whose header cannot be parsed leaves no safe place to resume in this file
                    LOG.warn("{}: unreadable record at offset {}: {}; rest of the file skipped", file, reader.position(), e.getMessage());
                    broken++;
                    count("broken");
                    break;
                }
                if (next.isEmpty()) {
                    break;
                }
                String outcome;
                try {
                    outcome = replay(next.get(), source);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("{}: broken record at offset {}: {}", file, reader.position(), e.getMessage());
                    outcome = "broken";
                }
                count(outcome);
                switch (outcome) {
                    case "published" -> published++;
                    case "broken" -> broken++;
                    default -> skipped++;
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
            broken++;
            count("broken");
        }
        producer.flush();
        return new Summary(published, skipped, broken);
    }

    private String replay(WarcRecord record, String source) throws IOException {
        if (!(record instanceof WarcResponse response)) {
            return "not_response";
        }
        if (!response.contentType().base().equals(MediaType.HTTP)) {
            return "not_response";
        }
        HttpResponse http = response.http();
        if (http.status() / 100 != 2) {
            // redirects and errors carry no article; the crawler does not publish them either
            return "not_ok";
        }
        String contentType = http.headers().first("Content-Type").orElse(null);
        String mediaType = HttpResponseData.mediaType(contentType);
        if (mediaType != null && !PageFetcher.HTML_TYPES.contains(mediaType)) {
            return "not_html";
        }
        byte[] body;
        boolean truncated;
        try (InputStream in = http.bodyDecoded().stream()) {
            body = in.readNBytes(maxBodyBytes);
            truncated = in.read() >= 0;
        }
        CharsetDetector.Decoded decoded = CharsetDetector.decode(body, HttpResponseData.charset(contentType));
        String url = response.target();
        String canonical = UrlCanonicalizer.canonicalize(url);
        if (canonical == null) {
            return "not_response";
        }
        Page page = new Page(url, canonical, url, source, response.date(), http.status(), mediaType,
                decoded.charset().name(), http.headers().first("ETag").orElse(null),
                http.headers().first("Last-Modified").orElse(null), decoded.sha256(), truncated, decoded.html());
        producer.send(new ProducerRecord<>(Topics.PAGES.name(), canonical, page), (meta, error) -> {
            if (error != null) {
                LOG.warn("cannot publish {}: {}", canonical, error.toString());
            }
        });
        return "published";
    }

    private void count(String outcome) {
        registry.counter(MetricNames.REPLAY_RECORDS, MetricNames.TAG_OUTCOME, outcome).increment();
    }
}
