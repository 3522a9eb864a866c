package io.newsflow.core.topic;

import io.newsflow.core.json.JsonSerde;
import io.newsflow.core.json.PageSerde;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.EntityMention;
import io.newsflow.core.record.Link;
import io.newsflow.core.record.Page;
import io.newsflow.core.record.PersonForm;
import io.newsflow.core.record.Revision;
import io.newsflow.core.record.SourceHealth;
import io.newsflow.core.record.SourcePoll;
import io.newsflow.core.record.UrlStatus;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The topics of the pipeline, in data-flow order. */
public final class Topics {

    /** Discovered URLs; key = host, so one partition is one politeness queue. */
    public static final Topic<String, Link> LINKS =
            new Topic<>("newsflow.links", Serdes.String(), new JsonSerde<>(Link.class));

    /** Raw fetched pages; key = canonical URL. */
    public static final Topic<String, Page> PAGES =
            new Topic<>("newsflow.pages", Serdes.String(), new PageSerde());

    /** Enriched articles; key = article id; compacted, so it holds the latest version of each. */
    public static final Topic<String, Article> ARTICLES =
            new Topic<>("newsflow.articles", Serdes.String(), new JsonSerde<>(Article.class));

    /** One record per (article, entity); key = entity id such as {@code country:KP}. */
    public static final Topic<String, EntityMention> MENTIONS =
            new Topic<>("newsflow.mentions", Serdes.String(), new JsonSerde<>(EntityMention.class));

    /** Anything that failed, as its original bytes, with the reason in {@link DeadLetterHeaders}. */
    public static final Topic<byte[], byte[]> DEAD_LETTERS =
            new Topic<>("newsflow.dead-letters", Serdes.ByteArray(), Serdes.ByteArray());

    /**
     * What the crawler last learned about each URL; key = canonical URL, sent to the partition its
     * host has in {@link #LINKS}, so a host's state moves with the host; compacted, the source of
     * truth the crawler's on-disk state restores from.
     */
    public static final Topic<String, UrlStatus> URL_STATUS =
            new Topic<>("newsflow.url-status", Serdes.String(), new JsonSerde<>(UrlStatus.class));

    /** One record per poll of a source; key = source name. */
    public static final Topic<String, SourcePoll> SOURCE_POLLS =
            new Topic<>("newsflow.source-polls", Serdes.String(), new JsonSerde<>(SourcePoll.class));

    /** The health of each source; key = source name; compacted, so it holds each source's latest verdict. */
    public static final Topic<String, SourceHealth> SOURCE_HEALTH =
            new Topic<>("newsflow.source-health", Serdes.String(), new JsonSerde<>(SourceHealth.class));

    /** Edits of published articles, old and new version with a field-level diff; key = article id. */
    public static final Topic<String, Revision> REVISIONS =
            new Topic<>("newsflow.revisions", Serdes.String(), new JsonSerde<>(Revision.class));

    /**
     * The person registry: which bare forms (surnames, one-word names) can refer to which person;
     * key = form + "|" + entity id, see {@link PersonForm#key()}; compacted, written and read by enrich.
     */
    public static final Topic<String, PersonForm> PERSONS =
            new Topic<>("newsflow.persons", Serdes.String(), new JsonSerde<>(PersonForm.class));

    public static final List<Topic<?, ?>> ALL = List.of(LINKS, PAGES, ARTICLES, MENTIONS, DEAD_LETTERS, URL_STATUS,
            SOURCE_POLLS, SOURCE_HEALTH, REVISIONS, PERSONS);

    private Topics() {
    }
}
