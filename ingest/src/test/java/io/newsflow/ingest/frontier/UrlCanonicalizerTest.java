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
}
