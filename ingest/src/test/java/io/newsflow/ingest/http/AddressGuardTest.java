package io.newsflow.ingest.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsflow.core.record.FetchOutcome;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    /** A resolver with fixed answers, standing in for DNS; names it does not know do not resolve. */
    private static final Map<String, String> DNS = Map.of(
            "news.example", "93.184.216.34",
            "inward.example", "10.1.2.3",
            "metadata.example", "169.254.169.254",
            "mixed.example", "93.184.216.34");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null && host.matches("[0-9.]+|.*:.*")) {
            return new InetAddress[] {InetAddress.getByName(host)}; // a literal address needs no lookup
        }
        if (address == null) {
            throw new UnknownHostException(host);
        }
        if (host.equals("mixed.example")) {
            return new InetAddress[] {InetAddress.getByName(address), InetAddress.getByName("127.0.0.1")};
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private final AddressGuard guard = new AddressGuard(false, List.of(), AddressGuardTest::resolve);

    private FetchOutcome outcome(String url) {
        return assertThrows(FetchException.class, () -> guard.check(URI.create(url))).outcome();
    }

    @Test
    void letsPublicHostsThrough() {
        assertDoesNotThrow(() -> guard.check(URI.create("https://news.example/world/story.html")));
    }

    @Test
    void refusesLoopbackPrivateLinkLocalAndMetadataAddresses() {
        assertEquals(FetchOutcome.BLOCKED_ADDRESS, outcome("http://127.0.0.1:8080/"));
        assertEquals(FetchOutcome.BLOCKED_ADDRESS, outcome("http://169.254.169.254/latest/meta-data/"));
        assertEquals(FetchOutcome.BLOCKED_ADDRESS, outcome("http://192.168.1.1/"));
        assertEquals(FetchOutcome.BLOCKED_ADDRESS, outcome("http://100.64.0.1/"));
        assertEquals(FetchOutcome.BLOCKED_ADDRESS, outcome("http://0.0.0.0/"));
        assertEquals(FetchOutcome.BLOCKED_ADDRESS, outcome("http://[::1]/"));
        assertEquals(FetchOutcome.BLOCKED_ADDRESS, outcome("http://[fd00::1]/"));
        assertEquals(FetchOutcome.BLOCKED_ADDRESS, outcome("http://[::ffff:10.0.0.1]/"));
    }

    @Test
    void checksTheAddressANameResolvesTo() {
        assertEquals(FetchOutcome.BLOCKED_ADDRESS, outcome("http://inward.example/"));
        assertEquals(FetchOutcome.BLOCKED_ADDRESS, outcome("http://metadata.example/"));
        assertEquals(FetchOutcome.BLOCKED_ADDRESS, outcome("http://mixed.example/"), "one internal address is enough to refuse");
        assertEquals(FetchOutcome.DNS_FAILED, outcome("http://unknown.example/"));
    }

    @Test
    void anAllowListOpensNamedHostsOnly() {
        AddressGuard allowing = new AddressGuard(false, List.of("127.0.0.1:8080", "inward.example"), AddressGuardTest::resolve);
        assertDoesNotThrow(() -> allowing.check(URI.create("http://127.0.0.1:8080/")));
        assertDoesNotThrow(() -> allowing.check(URI.create("http://inward.example/")));
        assertThrows(FetchException.class, () -> allowing.check(URI.create("http://127.0.0.1:9090/")));
        assertThrows(FetchException.class, () -> allowing.check(URI.create("http://169.254.169.254/")));
    }

    @Test
    void allowPrivateOpensEverything() {
        AddressGuard open = new AddressGuard(true, List.of(), AddressGuardTest::resolve);
        assertDoesNotThrow(() -> open.check(URI.create("http://127.0.0.1:8080/")));
    }

    @Test
    void returnsTheAddressesOfItsOneLookupSoTheConnectionCannotBeRebound() throws Exception {
        // a rebinding name: public for the first lookup, loopback for every later one
        InetAddress[] answers = {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1")};
        AtomicInteger lookups = new AtomicInteger();
        AddressGuard rebound = new AddressGuard(false, List.of(),
                host -> new InetAddress[] {answers[Math.min(lookups.getAndIncrement(), 1)]});
        assertEquals(List.of(answers[0]), rebound.check(URI.create("http://rebind.example/")));
        assertEquals(1, lookups.get());
    }

    @Test
    void resolvesAllowedHostsTooForTheConnection() throws Exception {
        AddressGuard allowing = new AddressGuard(false, List.of("inward.example"), AddressGuardTest::resolve);
        assertEquals(List.of(InetAddress.getByName("10.1.2.3")), allowing.check(URI.create("http://inward.example/")));
        assertEquals(FetchOutcome.DNS_FAILED, assertThrows(FetchException.class,
                () -> new AddressGuard(true, List.of(), AddressGuardTest::resolve).check(URI.create("http://unknown.example/"))).outcome());
    }
}
