package dev.todochat.http.internal;

import dev.todochat.http.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Who sent a request, for the per-address rate limit: the TCP peer, unless the peer is a trusted proxy; then the
 * right-most address of {@code X-Forwarded-For} that is not a trusted proxy (each proxy appends the address it saw, so
 * only the part right of the first untrusted hop is believable). IPv6 clients are counted by their /64, which one
 * subscriber usually holds whole.
 */
final class ClientAddress {
    private final TrustedProxies proxies;

    ClientAddress(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    /** The client's address as a rate-limit key part, such as {@code 203.0.113.9} or {@code 2001:db8:0:1:0:0:0:0/64}. */
    String of(HttpServletRequest request) {
        InetAddress client = IpLiteral.parse(request.getRemoteAddr()).orElse(null);
        if (client == null) {
            return request.getRemoteAddr();
        }
        if (proxies.contains(client)) {
            List<String> hops = forwardedFor(request);
            for (int i = hops.size() - 1; i >= 0; i--) {
                Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
                if (hop.isEmpty()) {
                    break;
                }
                client = hop.get();
                if (!proxies.contains(client)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            for (int i = 8; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException("sixteen bytes are always an IPv6 address", e);
            }
        }
        return address.getHostAddress();
    }
}
