package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.testing.CommandRun;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.core.record.Page;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** {@code newsflow replay} publishes the HTML responses of WARC files the test writes with jwarc. */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class ReplayIT {

    private final String site = "http://replay-" + UUID.randomUUID().toString().substring(0, 8) + ".example";

    private static WarcResponse response(String url, String contentType, byte[] body, int status) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Other")
                .body(MediaType.parse(contentType), body)
                .build();
        return new WarcResponse.Builder(URI.create(url)).date(Instant.parse("2024-05-20T10:00:00Z")).body(http).build();
    }

    @Test
    @Timeout(60)
    void publishesArchivedHtmlResponsesAsPages(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        Path gzipped = dir.resolve("news.warc.gz");
        Charset latin1 = StandardCharsets.ISO_8859_1;
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(gzipped, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                WarcCompression.GZIP)) {
            writer.write(new WarcRequest.Builder(URI.create(site + "/world/summit.html")).build());
            writer.write(response(site + "/world/summit.html", "text/html; charset=iso-8859-1",
                    "<html><title>Summit</title><p>Caf\u00e9 talks in Z\u00fcrich</p></html>".getBytes(latin1), 200));
            writer.write(response(site + "/logo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 200));
            writer.write(response(site + "/gone.html", "text/html", "<p>gone</p>".getBytes(StandardCharsets.UTF_8), 404));
        }
        Path plain = dir.resolve("more.warc");
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(plain, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                WarcCompression.NONE)) {
            writer.write(response(site + "/opinion/column.html?utm_source=feed", "text/html; charset=utf-8",
                    "<p>\u00bfPor qu\u00e9?</p>".getBytes(StandardCharsets.UTF_8), 200));
        }
        try (OutputStream out = Files.newOutputStream(plain, StandardOpenOption.APPEND)) {
            // a response record cut short, as a download that died would leave it
            out.write(("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + UUID.randomUUID() + ">\r\n"
                    + "WARC-Date: 2024-05-20T10:00:00Z\r\nWARC-Target-URI: " + site + "/cut.html\r\n"
                    + "Content-Type: application/http;msgtype=response\r\nContent-Length: 99999\r\n\r\n"
                    + "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<p>cut").getBytes(StandardCharsets.US_ASCII));
        }

        CommandRun run = CommandRun.of("replay", "--kafka-bootstrap", kafka.bootstrapServers(), gzipped.toString(), plain.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"published\":2"), run.out());
        assertTrue(run.out().contains("\"broken\":1"), "the record cut short is counted: " + run.out());
        List<Page> pages = PagesTopic.read(kafka, key -> key.startsWith(site));
        assertEquals(2, pages.size(), "the request, the image and the 404 are skipped");
        Page summit = pages.stream().filter(p -> p.canonicalUrl().equals(site + "/world/summit.html")).findFirst().orElseThrow();
        assertTrue(summit.html().contains("Caf\u00e9 talks in Z\u00fcrich"), "decoded with the charset of the HTTP headers");
        assertEquals("warc:news.warc.gz", summit.source());
        assertEquals(Instant.parse("2024-05-20T10:00:00Z"), summit.fetchedAt());
        assertFalse(summit.truncated());
        Page column = pages.stream().filter(p -> p.url().contains("column")).findFirst().orElseThrow();
        assertEquals(site + "/opinion/column.html", column.canonicalUrl());
        assertTrue(column.html().contains("\u00bfPor qu\u00e9?"));
    }

    @Test
    void aMissingFileIsAUsageError() {
        CommandRun run = CommandRun.of("replay", "no-such-file.warc.gz");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no such WARC file"), run.err());
    }
}
