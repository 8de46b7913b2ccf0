package io.awstutor.check;

import org.apache.http.conn.DnsResolver;
import org.apache.http.impl.conn.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * {@code localhost} and every {@code *.localhost} name are loopback (RFC 6761), whatever the
 * machine's resolver says: emulators serve websites and distributions under such names
 * ({@code BUCKET.s3-website.REGION.localhost}), and many systems' resolvers do not answer them.
 */
public final class LocalhostResolver implements DnsResolver {

    public static boolean isLocalhost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost");
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (isLocalhost(host)) {
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
        return SystemDefaultDnsResolver.INSTANCE.resolve(host);
    }
}
