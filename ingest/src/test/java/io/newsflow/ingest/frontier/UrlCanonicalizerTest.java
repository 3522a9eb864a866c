package io.newsflow.ingest.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    @Test
    void dropsTrackingParametersFragmentsAndDefaultPorts() {
        assertEquals("https://news.example/world/story.html?page=2",
                UrlCanonicalizer.canonicalize("HTTPS://News.Example:443/world/story.html?utm_source=rss&page=2&fbclid=abc#comments"));
    }

    @Test
    void oneArticleHasOneKeyWhateverTheCampaign() {
        assertEquals(UrlCanonicalizer.canonicalize("http://news.example/a?utm_medium=email"),
                UrlCanonicalizer.canonicalize("http://news.example/a?gclid=1&utm_campaign=x"));
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpUrl() {
        assertNull(UrlCanonicalizer.canonicalize("mailto:desk@news.example"));
        assertNull(UrlCanonicalizer.canonicalize("/relative/path"));
    }

    @Test
    void theHostKeyKeepsANonDefaultPort() {
        assertEquals("news.example", HostKey.of("https://News.Example/a"));
        assertEquals("news.example", HostKey.of("http://news.example:80/a"));
        assertEquals("127.0.0.1:8080", HostKey.of("http://127.0.0.1:8080/a"));
    }
}
