package io.newsflow.ingest.http;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.lifecycle.DaemonThreads;
import io.newsflow.core.record.FetchOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Performs one HTTP GET within {@link FetchLimits}: redirects are followed by hand so the
 * {@link AddressGuard} checks every hop, and each hop connects to an address the guard resolved and
 * checked for it, never to a second lookup of the name (which DNS rebinding would turn inwards),
 * while TLS still sends and verifies the name. The body is streamed and cut at the cap (after
 * gunzip, so a gzip bomb is cut too), and the total time is enforced while waiting for headers (a
 * watchdog cancels the request) and between body reads, which bounds servers that never answer or
 * trickle a byte at a time.
 */
public final class HttpFetcher implements AutoCloseable {

    private static final int HEADERS = 0;
    private static final int BODY = 1;
    private static final int EXPIRED = 2;
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** More than the fetching threads (at most 256) and source pollers together, so no request waits for a connection. */
    private static final int MAX_CONNECTIONS = 1024;
    /** Idle kept-alive connections close after this, as the JDK client's did. */
    private static final TimeValue IDLE = TimeValue.ofSeconds(5);

    private final FetchLimits limits;
    private final AddressGuard guard;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("newsflow-fetch-watchdog"));

    public HttpFetcher(FetchLimits limits, AddressGuard guard) {
        this.limits = requireNonNull(limits, "limits");
        this.guard = requireNonNull(guard, "guard");
        this.client = client(limits);
    }

    private static CloseableHttpClient client(FetchLimits limits) {
        Timeout read = Timeout.ofMilliseconds(limits.readTimeout().toMillis());
        Timeout connect = Timeout.ofMilliseconds(limits.connectTimeout().toMillis());
        RequestConfig config = RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setResponseTimeout(read)
                .setRedirectsEnabled(false)
                .setContentCompressionEnabled(false)
                .setHardCancellationEnabled(true)
                .build();
        // redirects (the guard checks every hop), decompression (the cap applies after gunzip) and
        // retries (a 503 is the crawler's to back off from) are this class's own; no proxy, no cookies
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new NoLookupResolver())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                // a pooled connection the server has closed would fail the fetch, since nothing retries
                                .setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
                                .build())
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .build())
                .setDefaultRequestConfig(config)
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .evictIdleConnections(IDLE)
                .build();
    }

    public FetchLimits limits() {
        return limits;
    }

    /**
     * Fetches a URL. HTTP error statuses are returned, not thrown; the body is read only for 2xx
     * responses whose media type {@code bodyWanted} accepts (it sees null when none was sent).
     *
     * @param headers extra request headers, e.g. {@code If-None-Match}
     * @throws FetchException when no response could be had within the limits
     */
    public HttpResponseData get(URI url, Map<String, String> headers, Predicate<@Nullable String> bodyWanted)
            throws FetchException {
        return get(url, headers, bodyWanted, limits.maxBodyBytes());
    }

    /** As {@link #get(URI, Map, Predicate)} with another body cap. */
    public HttpResponseData get(URI url, Map<String, String> headers, Predicate<@Nullable String> bodyWanted, int maxBodyBytes)
            throws FetchException {
        long started = System.nanoTime();
        long deadline = started + limits.totalTimeout().toNanos();
        Set<URI> visited = new HashSet<>();
        URI current = url;
        for (int hop = 0; ; hop++) {
            if (!visited.add(current)) {
                throw new FetchException(FetchOutcome.REDIRECT_LOOP, "redirect loop at " + current);
            }
            String scheme = scheme(current);
            // the host is looked up once, here: the connection goes to the first address checked (the
            // one the JDK client used to pick), so DNS has no second say
            InetAddress address = guard.check(current).get(0);
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new FetchException(FetchOutcome.TOTAL_TIMEOUT, "no response within " + limits.totalTimeout());
            }
            HttpHost target = new HttpHost(scheme, address, AddressGuard.bareHost(current.getHost()), port(current, scheme));
            HttpGet request = request(current, headers);
            // the watchdog guards the header phase only (a server dribbling header bytes resets the read
            // timeout); the body loop checks the deadline between reads itself
            AtomicInteger phase = new AtomicInteger(HEADERS);
            ScheduledFuture<?> alarm = watchdog.schedule(() -> {
                if (phase.compareAndSet(HEADERS, EXPIRED)) {
                    request.cancel();
                }
            }, remaining, TimeUnit.NANOSECONDS);
            try {
                ClassicHttpResponse response = client.executeOpen(target, request, null);
                alarm.cancel(false);
                if (!phase.compareAndSet(HEADERS, BODY)) {
                    throw new FetchException(FetchOutcome.TOTAL_TIMEOUT, "no response headers within " + limits.totalTimeout() + " from " + current);
                }
                int status = response.getCode();
                if (status >= 300 && status < 400 && status != 304) {
                    Header location = response.getFirstHeader("Location");
                    if (location == null) {
                        return response(url, current, response, new byte[0], false, started);
                    }
                    if (hop >= limits.maxRedirects()) {
                        throw new FetchException(FetchOutcome.TOO_MANY_REDIRECTS, "more than " + limits.maxRedirects() + " redirects from " + url);
                    }
                    current = redirectTarget(current, location.getValue());
                    continue;
                }
                String mediaType = HttpResponseData.mediaType(value(response, "Content-Type"));
                if (status / 100 != 2 || !bodyWanted.test(mediaType)) {
                    return response(url, current, response, new byte[0], false, started);
                }
                Body body = readBody(response, maxBodyBytes, deadline, current);
                return response(url, current, response, body.bytes, body.truncated, started);
            } catch (FetchException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw classify(e, phase.get() == EXPIRED, current);
            } finally {
                alarm.cancel(false);
                // drops the connection unless its body was read to the end, which handed it back to the
                // pool: an unread rest is never drained, since a hostile server can make it endless
                request.cancel();
            }
        }
    }

    private static String scheme(URI url) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchOutcome.BAD_URL, "unsupported scheme: " + url);
        }
        return scheme;
    }

    private static int port(URI url, String scheme) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return scheme.equals("https") ? 443 : 80;
    }

    private HttpGet request(URI url, Map<String, String> headers) {
        HttpGet request = new HttpGet(url);
        request.setHeader("User-Agent", limits.userAgent());
        request.setHeader("Accept", ACCEPT);
        request.setHeader("Accept-Encoding", "gzip, deflate");
        headers.forEach(request::setHeader);
        return request;
    }

    private static URI redirectTarget(URI from, String location) throws FetchException {
        try {
            return from.resolve(new URI(location.trim().replace(" ", "%20")));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchOutcome.BAD_URL, "bad redirect location: " + location);
        }
    }

    private record Body(byte[] bytes, boolean truncated) {
    }

    private Body readBody(ClassicHttpResponse response, int maxBytes, long deadline, URI url) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new Body(new byte[0], false);
        }
        // left unclosed: closing would drain the rest of a cut body; reading to the end hands the
        // connection back to the pool, and the caller drops it otherwise
        String encoding = value(response, "Content-Encoding");
        InputStream in = decoded(entity.getContent(), encoding);
        ByteArrayOutputStream out = new ByteArrayOutputStream(initialCapacity(entity.getContentLength(), encoding, maxBytes));
        byte[] buffer = new byte[16 * 1024];
        while (true) {
            if (System.nanoTime() - deadline > 0) {
                throw new FetchException(FetchOutcome.TOTAL_TIMEOUT, "body of " + url + " not complete within " + limits.totalTimeout());
            }
            int room = maxBytes - out.size();
            int n = in.read(buffer, 0, Math.min(buffer.length, room + 1));
            if (n < 0) {
                return new Body(out.toByteArray(), false);
            }
            if (n > room) {
                out.write(buffer, 0, room);
                return new Body(out.toByteArray(), true);
            }
            out.write(buffer, 0, n);
        }
    }

    /**
     * Room for the whole body when its length is declared and it is not content-encoded, so a page
     * is not copied each time the buffer doubles (twice for a 150 KB page, from 64 KB: in a profile
     * of the fetch threads the copies were 6% of their CPU); at most 1 MiB up front, since the
     * length is only the server's word.
     */
    static int initialCapacity(long declaredLength, @Nullable String encoding, int maxBytes) {
        int cap = Math.min(maxBytes, 1 << 20);
        if (encoding != null || declaredLength < 0) {
            return Math.min(cap, 64 * 1024);
        }
        return (int) Math.min(declaredLength, cap);
    }

    private static InputStream decoded(InputStream raw, @Nullable String encoding) throws IOException {
        if (encoding == null) {
            return raw;
        }
        return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw, 8192);
            case "deflate" -> new InflaterInputStream(raw);
            default -> raw;
        };
    }

    private static @Nullable String value(ClassicHttpResponse response, String header) {
        Header first = response.getFirstHeader(header);
        return first == null ? null : first.getValue();
    }

    private static HttpResponseData response(URI requested, URI finalUrl, ClassicHttpResponse response, byte[] body,
            boolean truncated, long started) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        return new HttpResponseData(requested, finalUrl, response.getCode(), headers, body, truncated,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private FetchException classify(Exception e, boolean expired, URI url) {
        String message = url + ": " + e;
        if (expired) {
            return new FetchException(FetchOutcome.TOTAL_TIMEOUT, "no complete response within " + limits.totalTimeout() + " from " + url, e);
        }
        // before SocketTimeoutException, which it extends: a TCP connect or TLS handshake that took too long
        if (e instanceof ConnectTimeoutException) {
            return new FetchException(FetchOutcome.CONNECT_TIMEOUT, message, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new FetchException(FetchOutcome.READ_TIMEOUT, message, e);
        }
        if (e instanceof ConnectException) {
            return new FetchException(FetchOutcome.CONNECT_FAILED, message, e);
        }
        if (e instanceof IllegalArgumentException) {
            return new FetchException(FetchOutcome.BAD_URL, message, e);
        }
        return new FetchException(FetchOutcome.IO_ERROR, message, e);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}
