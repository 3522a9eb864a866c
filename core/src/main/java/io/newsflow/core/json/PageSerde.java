package io.newsflow.core.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.newsflow.core.record.Html;
import io.newsflow.core.record.Page;
import io.newsflow.core.record.SchemaVersioned;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * The serde of {@code newsflow.pages}, schema {@value PageHead#SCHEMA}: a 4-byte big-endian length,
 * that many bytes of JSON metadata (the fields of {@link Page} but the HTML), then the HTML itself
 * as UTF-8 bytes. A page is about 150 KB of HTML and 500 bytes of metadata; as a JSON string the
 * HTML was escaped by every producer and unescaped by every consumer, char by char, while here it
 * is copied. Reads {@value Page#SCHEMA} records too (a JSON document, so its first byte is
 * {@code '{'}, which no metadata length under 2 GB starts with), so pages published before the
 * upgrade are still enriched, replayed and reprocessed.
 */
public final class PageSerde implements Serde<Page> {

    private static final int LENGTH_BYTES = 4;

    @Override
    public Serializer<Page> serializer() {
        return (topic, page) -> page == null ? null : encode(page);
    }

    @Override
    public Deserializer<Page> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(Page page) {
        byte[] head = JsonCodec.encode(PageHead.of(page));
        ByteBuffer html = page.body().utf8();
        return ByteBuffer.allocate(LENGTH_BYTES + head.length + html.remaining())
                .putInt(head.length).put(head).put(html).array();
    }

    /**
     * @throws JsonCodecException when the bytes are neither a page of this format nor a JSON
     *     {@value Page#SCHEMA} document
     */
    static Page decode(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            return JsonCodec.decode(bytes, Page.class);
        }
        if (bytes.length < LENGTH_BYTES) {
            throw new JsonCodecException("cannot decode Page: " + bytes.length + " bytes, shorter than the "
                    + PageHead.SCHEMA + " length prefix");
        }
        int headLength = ByteBuffer.wrap(bytes).getInt();
        if (headLength < 2 || headLength > bytes.length - LENGTH_BYTES) {
            throw new JsonCodecException("cannot decode Page: " + PageHead.SCHEMA + " metadata length " + headLength
                    + " outside the record's " + bytes.length + " bytes");
        }
        byte[] json = new byte[headLength];
        System.arraycopy(bytes, LENGTH_BYTES, json, 0, headLength);
        PageHead head = JsonCodec.decode(json, PageHead.class);
        int htmlStart = LENGTH_BYTES + headLength;
        // the HTML stays bytes, a slice of the record's, until the page is read as text
        return head.with(Html.ofUtf8(bytes, htmlStart, bytes.length - htmlStart));
    }

    /** The metadata of a {@value #SCHEMA} record: {@link Page}'s fields but {@code html}, same names and meaning. */
    @JsonPropertyOrder({"schema"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageHead(
            String url,
            String canonicalUrl,
            String finalUrl,
            String source,
            Instant fetchedAt,
            int status,
            @Nullable String contentType,
            String charset,
            @Nullable String etag,
            @Nullable String lastModified,
            String contentSha256,
            boolean truncated) implements SchemaVersioned {

        public static final String SCHEMA = "page/2";

        public PageHead {
            requireNonNull(url, "url");
            requireNonNull(canonicalUrl, "canonicalUrl");
            requireNonNull(finalUrl, "finalUrl");
            requireNonNull(source, "source");
            requireNonNull(fetchedAt, "fetchedAt");
            requireNonNull(charset, "charset");
            requireNonNull(contentSha256, "contentSha256");
        }

        static PageHead of(Page p) {
            return new PageHead(p.url(), p.canonicalUrl(), p.finalUrl(), p.source(), p.fetchedAt(), p.status(),
                    p.contentType(), p.charset(), p.etag(), p.lastModified(), p.contentSha256(), p.truncated());
        }

        /** The page of this metadata and its HTML. */
        Page with(Html html) {
            return new Page(url, canonicalUrl, finalUrl, source, fetchedAt, status, contentType, charset, etag,
                    lastModified, contentSha256, truncated, html);
        }

        @Override
        public String schema() {
            return SCHEMA;
        }
    }
}
