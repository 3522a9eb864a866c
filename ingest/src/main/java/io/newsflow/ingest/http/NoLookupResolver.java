package io.newsflow.ingest.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The connection pool's resolver, which resolves nothing: every request names the address the
 * {@link AddressGuard} checked, so a lookup here would be a second, unchecked one (the way DNS
 * rebinding gets in) and fails instead.
 */
final class NoLookupResolver implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        throw new UnknownHostException(host + ": connections go only to the addresses the SSRF guard checked");
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        throw new UnknownHostException(host + ": connections go only to the addresses the SSRF guard checked");
    }
}
