package io.newsflow.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Normalises a URL so that one page has one key: lower-case scheme and host, no fragment, no default port. */
public final class UrlCanonicalizer {

    private UrlCanonicalizer() {
    }

    public static String canonicalize(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
                port = -1;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new URI(scheme, null, host, port, null, null, null) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return url.trim();
        }
    }
}
