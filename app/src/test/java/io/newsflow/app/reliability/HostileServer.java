package io.newsflow.app.reliability;

import io.newsflow.core.lifecycle.DaemonThreads;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A web server that misbehaves in one way, written on raw sockets so that it can break HTTP as a
 * real hostile or broken server would. robots.txt answers 404 (allow all) unless the behaviour is
 * about robots.txt itself.
 */
final class HostileServer implements AutoCloseable {

    /** The ways a server can hurt a crawler. */
    enum Behaviour {
        NEVER_ANSWERS, TRICKLES_A_BYTE_A_SECOND, ENDLESS_CHUNKED_BODY, GZIP_BOMB, FIFTY_MB_PAGE, REDIRECT_LOOP,
        BINARY_AS_HTML, WRONG_CHARSET, ROBOTS_TXT_500
    }

    private static final byte[] GZIP_BOMB = gzippedZeros(200 * 1024 * 1024);

    private final Behaviour behaviour;
    private final ServerSocket listener;
    private final AtomicInteger requests = new AtomicInteger();

    HostileServer(Behaviour behaviour) {
        this.behaviour = behaviour;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DaemonThreads.start("hostile-" + behaviour, this::accept);
    }

    Behaviour behaviour() {
        return behaviour;
    }

    String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    int requests() {
        return requests.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                DaemonThreads.start("hostile-" + behaviour + "-conn", () -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                // headers are irrelevant to how this server misbehaves
            }
            if (requestLine == null) {
                return;
            }
            requests.incrementAndGet();
            String path = requestLine.split(" ")[1];
            OutputStream out = socket.getOutputStream();
            if (path.equals("/robots.txt")) {
                head(out, behaviour == Behaviour.ROBOTS_TXT_500 ? "500 Internal Server Error" : "404 Not Found",
                        "text/plain", 0);
                return;
            }
            misbehave(path, out);
        } catch (IOException | InterruptedException e) {
            // the crawler hung up, which is what it should do with most of these
        }
    }

    private void misbehave(String path, OutputStream out) throws IOException, InterruptedException {
        switch (behaviour) {
            case NEVER_ANSWERS -> Thread.sleep(Long.MAX_VALUE);
            case TRICKLES_A_BYTE_A_SECOND -> {
                head(out, "200 OK", "text/html", 100_000);
                for (int i = 0; i < 100_000; i++) {
                    out.write('<');
                    out.flush();
                    Thread.sleep(1000);
                }
            }
            case ENDLESS_CHUNKED_BODY -> {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                byte[] chunk = "<p>more and more and more</p>\n".repeat(256).getBytes(StandardCharsets.ISO_8859_1);
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                while (true) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            case GZIP_BOMB -> {
                head(out, "200 OK", "text/html\r\nContent-Encoding: gzip", GZIP_BOMB.length);
                out.write(GZIP_BOMB);
            }
            case FIFTY_MB_PAGE -> {
                int size = 50 * 1024 * 1024;
                head(out, "200 OK", "text/html", size);
                byte[] block = "<p>filler text of a very long page</p>\n".repeat(1024).getBytes(StandardCharsets.ISO_8859_1);
                for (int written = 0; written < size; written += block.length) {
                    out.write(block, 0, Math.min(block.length, size - written));
                }
            }
            case REDIRECT_LOOP -> head(out, "302 Found", "text/html\r\nLocation: " + path, 0);
            case BINARY_AS_HTML -> {
                byte[] noise = new byte[256 * 1024];
                new Random(7).nextBytes(noise);
                head(out, "200 OK", "text/html; charset=utf-8", noise.length);
                out.write(noise);
            }
            case WRONG_CHARSET -> {
                byte[] body = NewsSite.html(99, 1).replace("Lindqvist", "Lindqvist \u00e5\u00e4\u00f6 \u4e2d\u6587")
                        .getBytes(StandardCharsets.UTF_8);
                head(out, "200 OK", "text/html; charset=windows-1251", body.length);
                out.write(body);
            }
            case ROBOTS_TXT_500 -> {
                byte[] body = NewsSite.html(98, 1).getBytes(StandardCharsets.UTF_8);
                head(out, "200 OK", "text/html; charset=utf-8", body.length);
                out.write(body);
            }
        }
        out.flush();
    }

    private static void head(OutputStream out, String status, String contentType, long length) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static byte[] gzippedZeros(int size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < size / zeros.length; i++) {
                gzip.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
