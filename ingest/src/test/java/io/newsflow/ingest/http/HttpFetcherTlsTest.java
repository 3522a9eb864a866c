package io.newsflow.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsflow.core.lifecycle.DaemonThreads;
import io.newsflow.core.record.FetchOutcome;
import io.newsflow.ingest.TestSite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.StandardConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS to an address the guard resolved: the socket goes to the address, while the TLS handshake
 * still names the host (SNI) and the certificate is checked against the name, not the address.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpFetcherTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static Path keyStore;

    private SSLServerSocket server;
    private volatile String sniSeen;

    /** A self-signed certificate for news.test only, made by the JDK's keytool. */
    @BeforeAll
    static void certificate() throws Exception {
        keyStore = dir.resolve("news-test.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "news", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=news.test",
                "-ext", "SAN=dns:news.test", "-validity", "3650", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(30, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    @BeforeEach
    void start() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        SSLParameters parameters = server.getSSLParameters();
        parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName name) {
                sniSeen = ((SNIHostName) name).getAsciiName();
                return true;
            }
        }));
        server.setSSLParameters(parameters);
        DaemonThreads.start("tls-site", this::serve);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                BufferedReader request = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                String line = request.readLine();
                while (line != null && !line.isEmpty()) {
                    line = request.readLine();
                }
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 11\r\nConnection: close\r\n\r\n<p>tls</p>\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // a client that refused the certificate hangs up mid-handshake: the point of one test
            }
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    /** A fetcher that trusts the test certificate (the JVM's trust store is read when its client is built). */
    private static HttpFetcher fetcherTrustingTheTestCertificate(AddressGuard guard) {
        Map<String, String> trust = Map.of("javax.net.ssl.trustStore", keyStore.toString(),
                "javax.net.ssl.trustStorePassword", PASSWORD, "javax.net.ssl.trustStoreType", "PKCS12");
        Map<String, String> before = new HashMap<>();
        trust.keySet().forEach(key -> before.put(key, System.getProperty(key)));
        trust.forEach(System::setProperty);
        try {
            return new HttpFetcher(TestSite.LIMITS, guard);
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    private static AddressGuard loopbackFor(String name) {
        return new AddressGuard(true, List.of(), host -> {
            if (!host.equals(name)) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        });
    }

    @Test
    void sendsTheNameAsSniAndChecksTheCertificateAgainstIt() throws Exception {
        try (HttpFetcher fetcher = fetcherTrustingTheTestCertificate(loopbackFor("news.test"))) {
            HttpResponseData response = fetcher.get(URI.create("https://news.test:" + server.getLocalPort() + "/"), Map.of(), type -> true);
            assertEquals(200, response.status());
            assertEquals("<p>tls</p>\n", new String(response.body(), StandardCharsets.UTF_8));
        }
        assertEquals("news.test", sniSeen);
    }

    @Test
    void refusesACertificateThatDoesNotNameTheHost() {
        try (HttpFetcher fetcher = fetcherTrustingTheTestCertificate(loopbackFor("other.test"))) {
            FetchException e = assertThrows(FetchException.class,
                    () -> fetcher.get(URI.create("https://other.test:" + server.getLocalPort() + "/"), Map.of(), type -> true));
            assertEquals(FetchOutcome.IO_ERROR, e.outcome(), e.getMessage());
        }
        assertEquals("other.test", sniSeen);
    }
}
