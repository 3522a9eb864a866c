package io.newsflow.ingest.http;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.record.FetchOutcome;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SSRF guard: refuses URLs whose host resolves to a loopback, private, link-local (cloud
 * metadata), carrier-grade NAT, multicast or unspecified address, so a public page cannot make the
 * crawler fetch the operator's own network. It resolves the host itself, so names that point
 * inwards are caught as well as literal addresses, and hands the addresses it checked to the
 * connection, so the name is looked up once per request. An allow-list opens it:
 * {@code allowPrivate} for everything (a local demo site), or named hosts, as {@code host} or
 * {@code host:port}; allowed hosts are resolved all the same, since the connection needs an address.
 */
public final class AddressGuard {

    /** Resolves a host name; injectable so tests can stand a name in for any address. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public AddressGuard(boolean allowPrivate, Collection<String> allowedHosts, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.allowedHosts = requireNonNull(allowedHosts, "allowedHosts").stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.resolver = requireNonNull(resolver, "resolver");
    }

    /** A guard with the system resolver. */
    public static AddressGuard of(boolean allowPrivate, Collection<String> allowedHosts) {
        return new AddressGuard(allowPrivate, allowedHosts, InetAddress::getAllByName);
    }

    /**
     * Resolves a URL's host once, before it is requested (first hop and every redirect), and returns
     * the addresses the request must connect to. Unless the host is allowed, every one of them must
     * be public. The connection goes to a returned address and never looks the name up again, so a
     * DNS server cannot answer this check with a public address and the connection with an internal
     * one (DNS rebinding).
     *
     * @throws FetchException with outcome {@code bad_url}, {@code dns_failed} or {@code blocked_address}
     */
    public List<InetAddress> check(URI url) throws FetchException {
        String host = url.getHost();
        if (host == null) {
            throw new FetchException(FetchOutcome.BAD_URL, "no host in " + url);
        }
        host = host.toLowerCase(Locale.ROOT);
        List<InetAddress> addresses;
        try {
            addresses = List.of(resolver.resolve(bareHost(host)));
        } catch (UnknownHostException e) {
            throw new FetchException(FetchOutcome.DNS_FAILED, "cannot resolve " + host);
        }
        if (addresses.isEmpty()) {
            throw new FetchException(FetchOutcome.DNS_FAILED, "no address for " + host);
        }
        if (allowPrivate || allowedHosts.contains(host) || allowedHosts.contains(host + ":" + port(url))) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            // every address must be public: a name resolving to one public and one internal address
            // would let the connection pick the internal one
            if (!isPublic(address)) {
                throw new FetchException(FetchOutcome.BLOCKED_ADDRESS, host + " resolves to non-public " + address.getHostAddress());
            }
        }
        return addresses;
    }

    /** A URL's host without the brackets of an IPv6 literal, as resolvers and TLS name checks want it. */
    static String bareHost(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** Whether an address is on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            if (isMappedIpv4(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isMappedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
