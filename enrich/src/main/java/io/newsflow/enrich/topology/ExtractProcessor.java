package io.newsflow.enrich.topology;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.newsflow.core.record.Page;
import io.newsflow.enrich.extract.Extraction;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extract step: a page becomes its body text and metadata; one that is not an article is counted
 * with its reason and passed on for source health only. Exceptions are left to the processing exception handler, which
 * dead-letters the page.
 */
final class ExtractProcessor implements FixedKeyProcessor<String, Page, Extracted> {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractProcessor.class);

    private final PageExtractor extractor;
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, Extracted> context;

    ExtractProcessor(PageExtractor extractor, EnrichMetrics metrics) {
        this.extractor = extractor;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Extracted> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Page> record) {
        metrics.recordsIn.increment();
        long start = System.nanoTime();
        Page page = record.value();
        SkipReason skip = skipBeforeExtraction(page);
        if (skip != null) {
            metrics.skipped(skip);
            LOG.debug("skipped {}: {}", record.key(), skip.tag());
            return;
        }
        Extraction extraction = extractor.extract(page.html(), page.finalUrl());
        metrics.extract.record(System.nanoTime() - start, NANOSECONDS);
        if (!extraction.isArticle()) {
            metrics.skipped(SkipReason.NO_TEXT);
            LOG.debug("skipped {}: {}", page.canonicalUrl(), extraction.reason());
        }
        // non-articles go on too, for source health (a challenge page is one); the articles-only
        // filter keeps them from tagging. forward is synchronous: tag, version and the sinks run
        // inside this call, so the latency measured around it is the page's whole processing time
        context.forward(record.withValue(new Extracted(page, extraction)));
        if (extraction.isArticle()) {
            metrics.latency.record(System.nanoTime() - start, NANOSECONDS);
        }
    }

    static @Nullable SkipReason skipBeforeExtraction(@Nullable Page page) {
        if (page == null) {
            return SkipReason.EMPTY_RECORD;
        }
        if (page.status() / 100 != 2) {
            return SkipReason.HTTP_STATUS;
        }
        String type = page.contentType();
        if (type != null && !type.toLowerCase(Locale.ROOT).contains("html")) {
            return SkipReason.NOT_HTML;
        }
        return null;
    }
}
