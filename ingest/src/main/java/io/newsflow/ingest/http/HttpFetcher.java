package io.newsflow.ingest.http;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.lifecycle.DaemonThreads;
import io.newsflow.core.record.FetchOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
import org.jspecify.annotations.Nullable;

/**
 * Performs one HTTP GET within {@link FetchLimits}: redirects are followed by hand so the
 * {@link AddressGuard} checks every hop, the body is streamed and cut at the cap (after gunzip, so
 * a gzip bomb is cut too), and the total time is enforced while waiting for headers (a watchdog
 * closes the connection) and between body reads, which bounds servers that never answer or
 * trickle a byte at a time.
 */
public final class HttpFetcher implements AutoCloseable {

    private static final int HEADERS = 0;
    private static final int BODY = 1;
    private static final int EXPIRED = 2;
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final FetchLimits limits;
    private final AddressGuard guard;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("newsflow-fetch-watchdog"));

    public HttpFetcher(FetchLimits limits, AddressGuard guard) {
        this.limits = requireNonNull(limits, "limits");
        this.guard = requireNonNull(guard, "guard");
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
            guard.check(current);
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new FetchException(FetchOutcome.TOTAL_TIMEOUT, "no response within " + limits.totalTimeout());
            }
            HttpURLConnection connection = open(current, headers);
            // the watchdog guards the header phase only (a server dribbling header bytes resets the read
            // timeout); the body loop checks the deadline itself, because disconnecting a connection
            // whose body is being read can wedge HttpURLConnection's stream lock
            AtomicInteger phase = new AtomicInteger(HEADERS);
            ScheduledFuture<?> alarm = watchdog.schedule(() -> {
                if (phase.compareAndSet(HEADERS, EXPIRED)) {
                    connection.disconnect();
                }
            }, remaining, TimeUnit.NANOSECONDS);
            boolean connected = false;
            try {
                connection.connect();
                connected = true;
                int status = connection.getResponseCode();
                alarm.cancel(false);
                if (!phase.compareAndSet(HEADERS, BODY)) {
                    throw new FetchException(FetchOutcome.TOTAL_TIMEOUT, "no response headers within " + limits.totalTimeout() + " from " + current);
                }
                if (status >= 300 && status < 400 && status != 304) {
                    String location = connection.getHeaderField("Location");
                    connection.disconnect();
                    if (location == null) {
                        return response(url, current, status, connection, new byte[0], false, started);
                    }
                    if (hop >= limits.maxRedirects()) {
                        throw new FetchException(FetchOutcome.TOO_MANY_REDIRECTS, "more than " + limits.maxRedirects() + " redirects from " + url);
                    }
                    current = redirectTarget(current, location);
                    continue;
                }
                String mediaType = HttpResponseData.mediaType(connection.getContentType());
                if (status / 100 != 2 || !bodyWanted.test(mediaType)) {
                    connection.disconnect();
                    return response(url, current, status, connection, new byte[0], false, started);
                }
                Body body = readBody(connection, maxBodyBytes, deadline, current);
                if (body.truncated) {
                    // the rest of the body is never read: drop the connection rather than drain it
                    connection.disconnect();
                }
                return response(url, current, status, connection, body.bytes, body.truncated, started);
            } catch (FetchException e) {
                connection.disconnect();
                throw e;
            } catch (IOException | RuntimeException e) {
                alarm.cancel(false);
                if (phase.get() != EXPIRED) {
                    connection.disconnect();
                }
                throw classify(e, phase.get() == EXPIRED, connected, current);
            }
        }
    }

    private HttpURLConnection open(URI url, Map<String, String> headers) throws FetchException {
        try {
            HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout((int) limits.connectTimeout().toMillis());
            c.setReadTimeout((int) limits.readTimeout().toMillis());
            c.setUseCaches(false);
            c.setRequestProperty("User-Agent", limits.userAgent());
            c.setRequestProperty("Accept", ACCEPT);
            c.setRequestProperty("Accept-Encoding", "gzip, deflate");
            headers.forEach(c::setRequestProperty);
            return c;
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new FetchException(FetchOutcome.BAD_URL, "bad URL " + url + ": " + e.getMessage());
        } catch (IOException e) {
            throw new FetchException(FetchOutcome.IO_ERROR, "cannot open " + url + ": " + e.getMessage(), e);
        }
    }

    private static URI redirectTarget(URI from, String location) throws FetchException {
        try {
            URI target = from.resolve(new URI(location.trim().replace(" ", "%20")));
            String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new FetchException(FetchOutcome.BAD_URL, "redirect to unsupported scheme: " + location);
            }
            return target;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchOutcome.BAD_URL, "bad redirect location: " + location);
        }
    }

    private record Body(byte[] bytes, boolean truncated) {
    }

    private Body readBody(HttpURLConnection connection, int maxBytes, long deadline, URI url) throws IOException {
        try (InputStream in = decoded(connection)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 64 * 1024));
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
    }

    private static InputStream decoded(HttpURLConnection connection) throws IOException {
        InputStream raw = connection.getInputStream();
        String encoding = connection.getContentEncoding();
        if (encoding == null) {
            return raw;
        }
        return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw, 8192);
            case "deflate" -> new InflaterInputStream(raw);
            default -> raw;
        };
    }

    private static HttpResponseData response(URI requested, URI finalUrl, int status, HttpURLConnection connection,
            byte[] body, boolean truncated, long started) {
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, List<String>> header : connection.getHeaderFields().entrySet()) {
            if (header.getKey() != null && !header.getValue().isEmpty()) {
                headers.putIfAbsent(header.getKey().toLowerCase(Locale.ROOT), header.getValue().get(0));
            }
        }
        return new HttpResponseData(requested, finalUrl, status, headers, body, truncated, Duration.ofNanos(System.nanoTime() - started));
    }

    private FetchException classify(Exception e, boolean expired, boolean connected, URI url) {
        String message = url + ": " + e;
        if (expired) {
            return new FetchException(FetchOutcome.TOTAL_TIMEOUT, "no complete response within " + limits.totalTimeout() + " from " + url, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new FetchException(connected ? FetchOutcome.READ_TIMEOUT : FetchOutcome.CONNECT_TIMEOUT, message, e);
        }
        if (e instanceof UnknownHostException) {
            return new FetchException(FetchOutcome.DNS_FAILED, message, e);
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
    }
}
