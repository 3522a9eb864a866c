package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.app.testing.RepositoryFiles;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.broker.OwnBroker;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleSnapshot;
import io.newsflow.core.record.Revision;
import io.newsflow.core.record.SourceHealth;
import io.newsflow.core.record.SourceStatus;
import io.newsflow.core.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real headless chromium while pages flow through an embedded pipeline: it loads
 * without console errors, its charts rise as articles are stored, a person mention is highlighted,
 * and a title carrying markup is shown as text, never run. Skipped where no chromium is installed.
 */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
@OwnBroker
class DashboardIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String EVIL_TITLE = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> Markup in a headline";

    @Test
    @Timeout(240)
    void showsLiveThroughputHighlightedMentionsAndEscapedTitles(EmbeddedKafka kafka, @TempDir Path dataDir,
            @TempDir Path browserDir) throws Exception {
        Optional<Path> chromium = HeadlessChromium.binary();
        Assumptions.assumeTrue(chromium.isPresent(),
                "no chromium installed (apt-get install chromium, as .ci/run does): dashboard browser test skipped");
        try (FixtureServer site = new FixtureServer()) {
            NewsflowConfig config = PipelineConfigs.forTest(kafka, dataDir, "dashboard", Map.of(
                    "newsflow.ingest.start.urls", List.of(site.url("/ports.html"), site.url("/arctic.html"))));
            try (RunningProcess process = RunningProcess.start(config, EnumSet.allOf(Stage.class), null, false);
                    HeadlessChromium browser = HeadlessChromium.launch(chromium.get(), browserDir, 1400, 1250)) {
                servesOnlyItsOwnAssetsWithAStrictPolicy("http://127.0.0.1:" + process.httpPort());
                browser.navigate("http://127.0.0.1:" + process.httpPort() + "/dashboard");
                await(browser, "document.getElementById('updated').textContent.startsWith('live')", "the page polls its data");

                // pages from the fixture site flow through all three stages
                await(browser, "Number(document.getElementById('chart-fetched').dataset.sum) > 0", "fetched/s rises");
                await(browser, "Number(document.getElementById('chart-stored').dataset.sum) > 0", "stored/s rises");
                double storedBefore = browser.eval("Number(document.getElementById('chart-stored').dataset.sum)").asDouble();

                String tagged = TestArticles.uniqueId();
                String evil = TestArticles.uniqueId();
                TestArticles.publish(kafka, List.of(TestArticles.korea(tagged, "Tillerson presses Pyongyang as Beijing signals talks"),
                        evilArticle(evil)));

                // the stored chart moves again as the two published articles reach the database
                await(browser, "Number(document.getElementById('chart-stored').dataset.sum) >= " + (storedBefore + 1.5),
                        "stored/s rises by the two published articles");
                await(browser, "document.querySelectorAll('#chart-lag polyline').length === 3", "lag is drawn for ingest, enrich and sink");

                String mark = "document.querySelector('li.article[data-id=\"" + tagged + "\"] mark.person[title=\"Kim Jong-un\"]')";
                await(browser, mark + " !== null", "the tagged article is listed with its person mention");
                JsonNode person = browser.eval("(() => { const m = " + mark + "; const r = m.getBoundingClientRect();"
                        + " return {text: m.textContent, width: r.width, height: r.height, background: getComputedStyle(m).backgroundColor}; })()");
                assertEquals("Kim Jong-un", person.path("text").asText());
                assertTrue(person.path("width").asDouble() > 0 && person.path("height").asDouble() > 0, "mention is visible: " + person);
                assertFalse(person.path("background").asText().equals("rgba(0, 0, 0, 0)"), "mention is highlighted: " + person);
                assertEquals("North Korea", browser.eval("document.querySelector('li.article[data-id=\"" + tagged
                        + "\"] mark.country[title=\"KP North Korea\"]').textContent").asText());
                await(browser, "[...document.querySelectorAll('#top-persons .name')].some(n => n.textContent === 'Kim Jong-un')",
                        "Kim Jong-un is among the top persons of the hour");
                await(browser, "[...document.querySelectorAll('#top-persons li')].some(li => li.title === 'person:kim-jong-un')",
                        "a top person shows its entity id on hover");
                await(browser, "[...document.querySelectorAll('#top-countries .name')].some(n => n.textContent === 'North Korea (KP)')",
                        "North Korea is among the top countries of the hour");
                await(browser, "[...document.querySelectorAll('#top-countries .count')].every(n =>"
                        + " /^\\d+ stor(y|ies) · \\d+ articles? · \\d+ mentions?$/.test(n.textContent))",
                        "the top lists count stories with the articles beside");

                String evilItem = "document.querySelector('li.article[data-id=\"" + evil + "\"]')";
                await(browser, evilItem + " !== null", "the article with markup in its title is listed");
                assertEquals(EVIL_TITLE, browser.eval(evilItem + ".querySelector('.title').textContent").asText());
                assertTrue(browser.eval("typeof window.__pwned === 'undefined'").asBoolean(), "markup from a title or text ran");
                assertEquals(0, browser.eval("document.querySelectorAll('#articles img, #articles script').length").asInt());
                assertEquals(1, browser.eval("document.scripts.length").asInt(), "only the dashboard's own script");

                await(browser, "document.querySelector('#freshness [data-name=\"p50\"] dd').textContent !== '–'", "freshness percentiles show");
                assertEquals(List.of(), browser.errors(), "console errors");
                showSignalsForTheScreenshot(kafka, browser, tagged);
                saveScreenshot(browser.screenshot());
            }
        }
    }

    @Test
    @Timeout(180)
    void listsSourceHealthWorstFirstAndTheLatestEditsAsText(EmbeddedKafka kafka, @TempDir Path dataDir, @TempDir Path browserDir)
            throws Exception {
        Optional<Path> chromium = HeadlessChromium.binary();
        Assumptions.assumeTrue(chromium.isPresent(),
                "no chromium installed (apt-get install chromium, as .ci/run does): dashboard browser test skipped");
        String run = TestArticles.uniqueId();
        // published best first, so the order on the page is the dashboard's own
        List<SourceStatus> statuses = List.of(SourceStatus.OK, SourceStatus.QUIET, SourceStatus.SILENT, SourceStatus.BLOCKED,
                SourceStatus.FAILING);
        String editedId = TestArticles.uniqueId();
        Instant now = Instant.now();
        ArticleSnapshot before = new ArticleSnapshot(1, now.minusSeconds(3600), "Minister resigns", List.of("A. Writer"), null,
                null, List.of("The minister resigned on Monday."));
        ArticleSnapshot after = new ArticleSnapshot(2, now, EVIL_TITLE, List.of("A. Writer"), null, null,
                List.of("The minister resigned on Monday.", "She denied <script>window.__pwned = 5</script> any wrongdoing."));
        Revision revision = new Revision(editedId, "https://news.example.org/" + editedId, run + "-feed", 1, 2, now, before, after,
                new Revision.Changes(new Revision.FieldChange<>(before.title(), after.title()), null, null, null,
                        List.of(new Revision.ParagraphEdit(null, 1, null, after.paragraphs().get(1))), List.of(), List.of()));
        NewsflowConfig config = PipelineConfigs.forTest(kafka, dataDir, "dashboard-signals", Map.of());
        try (RunningProcess process = RunningProcess.start(config, EnumSet.of(Stage.SINK), null, false);
                HeadlessChromium browser = HeadlessChromium.launch(chromium.get(), browserDir, 1400, 1250)) {
            browser.navigate("http://127.0.0.1:" + process.httpPort() + "/dashboard");
            await(browser, "document.getElementById('updated').textContent.startsWith('live')", "the page polls its data");
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(kafka), new StringSerializer(),
                    new ByteArraySerializer())) {
                for (SourceStatus status : statuses) {
                    String source = run + "-" + status.label();
                    producer.send(new ProducerRecord<>(Topics.SOURCE_HEALTH.name(), source,
                            JsonCodec.encode(health(source, status, "because " + status.label(), now))));
                }
                producer.send(new ProducerRecord<>(Topics.REVISIONS.name(), editedId, JsonCodec.encode(revision)));
                producer.flush();
            }

            String rows = "[...document.querySelectorAll('#source-health tbody tr')]";
            await(browser, rows + ".filter(r => (r.dataset.source || '').startsWith('" + run + "-')).length === 5",
                    "our five sources are listed");
            JsonNode ours = browser.eval(rows + ".filter(r => (r.dataset.source || '').startsWith('" + run + "-'))"
                    + ".map(r => r.querySelector('.health').textContent)");
            assertEquals("[\"failing\",\"blocked\",\"silent\",\"quiet\",\"ok\"]", ours.toString(), "worst first");
            JsonNode all = browser.eval(rows + ".map(r => r.dataset.status)");
            List<String> order = List.of("failing", "blocked", "silent", "quiet", "ok");
            for (int i = 1; i < all.size(); i++) {
                assertTrue(order.indexOf(all.get(i - 1).asText()) <= order.indexOf(all.get(i).asText()),
                        "the whole table is sorted worst first: " + all);
            }
            String blocked = rows + ".find(r => r.dataset.source === '" + run + "-blocked')";
            assertEquals("75 %", browser.eval(blocked + ".children[8].textContent").asText());
            assertEquals("because blocked", browser.eval(blocked + ".querySelector('.reason').textContent").asText());
            JsonNode failing = browser.eval("(() => { const b = " + rows + ".find(r => r.dataset.source === '" + run
                    + "-failing').querySelector('.health'); return {errors: b.parentNode.parentNode.children[4].textContent,"
                    + " background: getComputedStyle(b).backgroundColor}; })()");
            assertEquals("4", failing.path("errors").asText());
            assertFalse(failing.path("background").asText().equals("rgba(0, 0, 0, 0)"), "a status is a coloured badge: " + failing);

            String edit = "document.querySelector('#edits li.edit[data-id=\"" + editedId + "\"]')";
            await(browser, edit + " !== null", "the edit is listed");
            assertEquals(EVIL_TITLE, browser.eval(edit + ".querySelector('.title').textContent").asText());
            assertEquals("Minister resigns", browser.eval(edit + ".querySelector('del.before').textContent").asText());
            assertEquals("1 paragraph added", browser.eval(edit + ".querySelector('.paragraphs').textContent").asText());
            assertTrue(browser.eval(edit + ".querySelector('.meta').textContent").asText().endsWith("v1 → v2 · title, paragraphs"),
                    browser.eval(edit + ".querySelector('.meta').textContent").asText());
            assertTrue(browser.eval("typeof window.__pwned === 'undefined'").asBoolean(), "markup from an edit ran");
            assertEquals(0, browser.eval("document.querySelectorAll('#edits img, #edits script, #source-health img').length").asInt());
            assertEquals(List.of(), browser.errors(), "console errors");
        }
    }

    /**
     * A health record of a feed polled {@code now}: a failing one has 4 errors in a row, a blocked
     * one 75 % of its pages blocked, the others none.
     */
    private static SourceHealth health(String source, SourceStatus status, String reason, Instant now) {
        return new SourceHealth(source, status, reason, now, "feed", "https://news.example.org/feed.xml", now,
                status == SourceStatus.FAILING ? "http_5xx" : "ok", status == SourceStatus.FAILING ? 503 : 200, null,
                status == SourceStatus.FAILING ? 4 : 0, now, now, 12, 10, 14.0, 11.0, 20, 0.9,
                status == SourceStatus.BLOCKED ? 0.75 : 0.0);
    }

    /**
     * Fills the Source health table and the Latest edits list before the screenshot, which the
     * fixture pages alone leave nearly empty: a failing and a blocked source beside the fixture
     * site's, and an edit of the tagged article (new headline, a paragraph added).
     */
    private static void showSignalsForTheScreenshot(EmbeddedKafka kafka, HeadlessChromium browser, String taggedId)
            throws Exception {
        Instant now = Instant.now();
        ArticleSnapshot before = new ArticleSnapshot(1, now.minusSeconds(3 * 3600), "Tillerson presses Pyongyang",
                List.of("Staff reporter"), null, null, List.of("Tillerson pressed Pyongyang on Monday."));
        ArticleSnapshot after = new ArticleSnapshot(2, now, "Tillerson presses Pyongyang as Beijing signals talks",
                List.of("Staff reporter"), null, null,
                List.of("Tillerson pressed Pyongyang on Monday.", "Beijing said it was ready to host talks."));
        Revision revision = new Revision(taggedId, "https://news.example.org/" + taggedId, "world-wire", 1, 2, now, before, after,
                new Revision.Changes(new Revision.FieldChange<>(before.title(), after.title()), null, null, null,
                        List.of(new Revision.ParagraphEdit(null, 1, null, after.paragraphs().get(1))), List.of(), List.of()));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(kafka), new StringSerializer(),
                new ByteArraySerializer())) {
            for (SourceHealth health : List.of(
                    health("regional-daily", SourceStatus.FAILING, "4 failed polls in a row (http_5xx)", now),
                    health("metro-tribune", SourceStatus.BLOCKED, "75 % of its last 20 pages look like bot challenges or paywalls",
                            now))) {
                producer.send(new ProducerRecord<>(Topics.SOURCE_HEALTH.name(), health.source(), JsonCodec.encode(health)));
            }
            producer.send(new ProducerRecord<>(Topics.REVISIONS.name(), taggedId, JsonCodec.encode(revision)));
            producer.flush();
        }
        await(browser, "document.querySelectorAll('#source-health tbody tr[data-status=\"failing\"]').length > 0"
                + " && document.querySelectorAll('#source-health tbody tr[data-status=\"blocked\"]').length > 0",
                "the source health table lists the failing and the blocked source");
        await(browser, "document.querySelector('#edits li.edit[data-id=\"" + taggedId + "\"]') !== null", "the edit is listed");
    }

    private static Properties producerProps(EmbeddedKafka kafka) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        return props;
    }

    private static void servesOnlyItsOwnAssetsWithAStrictPolicy(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"), page.headers().toString());
        for (String path : List.of("/dashboard/..%2F..%2Fpom.xml", "/dashboard/logback.xml", "/no-such-page", "/dashboard/api/nothing")) {
            int status = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(404, status, path);
        }
        int post = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/api/articles"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        assertEquals(405, post);
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("broker ok\nstorage ok\ningest ok\nenrich ok\nsink ok\n", ready.body());
    }

    /**
     * Waits for {@code condition} on the page; on a timeout the failure says what the condition was
     * last, what the page listed and which console errors it had, so a failure on CI can be read.
     */
    private static void await(HeadlessChromium browser, String condition, String what) {
        AtomicReference<String> last = new AtomicReference<>("never evaluated");
        try {
            HeadlessChromium.await(() -> {
                JsonNode value = browser.eval("(() => { try { return Boolean(" + condition + "); } catch (e) { return String(e); } })()");
                last.set(value.toString());
                return value.isBoolean() && value.asBoolean();
            }, WAIT, what);
        } catch (ConditionTimeoutException e) {
            JsonNode page = browser.eval("({updated: document.getElementById('updated').textContent,"
                    + " articles: [...document.querySelectorAll('#articles > li')].map(li => li.dataset.id || li.textContent),"
                    + " edits: [...document.querySelectorAll('#edits > li')].map(li => li.dataset.id || li.textContent),"
                    + " sources: document.querySelectorAll('#source-health tbody tr').length})");
            throw new AssertionError(what + " within " + WAIT.toSeconds() + " s: " + condition + " was " + last.get()
                    + "; the page showed " + page + "; console errors " + browser.errors(), e);
        }
    }

    private static Article evilArticle(String id) {
        String text = "The body quotes <script>window.__pwned = 3</script> and <b onmouseover=\"window.__pwned = 4\">bold</b> markup.";
        return TestArticles.article(id, EVIL_TITLE, text, List.of(), List.of());
    }

    /**
     * Keeps the screenshot in {@code target/dashboard.png}; with {@code -Dnewsflow.screenshot.docs=true}
     * also as the README's {@code docs/dashboard.png}. Not by default: a test run should not change
     * tracked files.
     */
    private static void saveScreenshot(byte[] png) throws java.io.IOException {
        Files.write(Files.createDirectories(Path.of("target")).resolve("dashboard.png"), png);
        if (Boolean.getBoolean("newsflow.screenshot.docs")) {
            Files.write(docsDir().resolve("dashboard.png"), png);
        }
    }

    /** The repository's {@code docs/} directory. */
    private static Path docsDir() throws java.io.IOException {
        return Files.createDirectories(RepositoryFiles.ROOT.resolve("docs"));
    }
}
