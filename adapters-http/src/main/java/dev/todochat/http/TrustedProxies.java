package dev.todochat.http;

import dev.todochat.http.internal.IpLiteral;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * The reverse proxies and load balancers whose {@code X-Forwarded-For} is believed: IP addresses and CIDR ranges,
 * IPv4 or IPv6. A request from anyone else is taken to come from its TCP peer, whatever headers it sends, since
 * anyone can write that header.
 */
public final class TrustedProxies {
    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Believes no one: the client is always the TCP peer. */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Reads a comma-separated list such as {@code 10.0.0.0/8, 192.168.1.7, fd00::/8}; blank means none.
     *
     * @throws IllegalArgumentException naming the first entry that is not an address or a range
     */
    public static TrustedProxies parse(String list) {
        return new TrustedProxies(Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Range::parse).toList());
    }

    public boolean contains(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    @Override
    public String toString() {
        return ranges.toString();
    }

    /** An address and how many of its leading bits a member shares with it. */
    private record Range(byte[] network, int bits, String text) {
        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress address = IpLiteral.parse(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                    "'" + text + "' is not an IP address or a CIDR range such as 10.0.0.0/8"));
            int width = address.getAddress().length * 8;
            int bits = parts.length == 1 ? width : prefix(parts[1], width, text);
            return new Range(address.getAddress(), bits, text);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int width = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE)
                    .shiftRight(bits).not();
            return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, network).and(mask));
        }

        private static int prefix(String text, int width, String entry) {
            try {
                int bits = Integer.parseInt(text);
                if (bits >= 0 && bits <= width) {
                    return bits;
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + entry + "' has a prefix length that is not a number", e);
            }
            throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0.." + width);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
