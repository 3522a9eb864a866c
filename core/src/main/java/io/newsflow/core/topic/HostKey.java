package io.newsflow.core.topic;

import java.net.URI;
import java.util.Locale;

/**
 * The one place that computes the key of {@code newsflow.links}: the URL's host, with the port when
 * it is not the scheme's default. Keying by host puts all of a host's URLs on one partition, so one
 * fetcher instance owns that host's politeness.
 */
public final class HostKey {

    private HostKey() {
    }

    /** The host key of an absolute URL, or the empty string when it has no host. */
    public static String of(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return "";
        }
        String host = uri.getHost();
        if (host == null) {
            return "";
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port < 0 || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80)
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443);
        return defaultPort ? host : host + ":" + port;
    }
}
