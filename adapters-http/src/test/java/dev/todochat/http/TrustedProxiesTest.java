package dev.todochat.http;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {
    private final TrustedProxies proxies = TrustedProxies.parse(" 10.0.0.0/8, 192.168.1.7 ,fd00::/8, [::1]");

    @Test
    void should_hold_addresses_inside_its_ranges_and_the_single_addresses_listed() throws Exception {
        assertThat(proxies.contains(ip("10.200.3.4"))).isTrue();
        assertThat(proxies.contains(ip("192.168.1.7"))).isTrue();
        assertThat(proxies.contains(ip("fd12:3456::1"))).isTrue();
        assertThat(proxies.contains(ip("::1"))).isTrue();
    }

    @Test
    void should_not_hold_addresses_outside_them() throws Exception {
        assertThat(proxies.contains(ip("11.0.0.1"))).isFalse();
        assertThat(proxies.contains(ip("192.168.1.8"))).isFalse();
        assertThat(proxies.contains(ip("fe80::1"))).isFalse();
        assertThat(proxies.contains(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void should_hold_nothing_when_blank() throws Exception {
        assertThat(TrustedProxies.parse(" , ").isEmpty()).isTrue();
        assertThat(TrustedProxies.none().contains(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void should_refuse_names_and_bad_prefixes_naming_the_entry() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.1, proxy.internal")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("'proxy.internal' is not an IP address");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'10.0.0.0/33' has a prefix length outside 0..32");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
