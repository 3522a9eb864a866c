package io.newsflow.core.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HostKeyTest {

    @Test
    void keepsANonDefaultPortAndDropsTheDefaultOne() {
        assertEquals("news.example", HostKey.of("https://News.Example/a"));
        assertEquals("news.example", HostKey.of("http://news.example:80/a"));
        assertEquals("127.0.0.1:8080", HostKey.of("http://127.0.0.1:8080/a"));
    }

    @Test
    void isEmptyForAUrlWithoutHost() {
        assertEquals("", HostKey.of("mailto:desk@news.example"));
        assertEquals("", HostKey.of("not a url"));
    }
}
