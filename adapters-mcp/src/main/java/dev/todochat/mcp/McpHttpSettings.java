package dev.todochat.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the MCP endpoint meets the network. Requests from loopback names ({@code localhost}, {@code 127.0.0.1},
 * {@code [::1]}, any port) are always allowed; these settings add what a deployment needs.
 *
 * @param allowedOrigins       browser origins allowed besides the loopback ones, such as
 *                             {@code https://app.example.com} or {@code http://localhost:*} (any port); a request
 *                             without {@code Origin} is always fine
 * @param allowedHosts         {@code Host} header values allowed besides the loopback ones, such as
 *                             {@code todo.example.com} or {@code todo.example.com:*}
 * @param publicUrl            the base URL clients reach this server at, when it differs from what a request's
 *                             {@code Host} says (behind a TLS proxy, say); the endpoint is this plus {@code /mcp}, and
 *                             its host and origin are allowed too
 * @param authorizationServers the issuers of the bearer tokens, advertised to clients in the protected resource
 *                             metadata so that they can find where to log in
 */
public record McpHttpSettings(List<String> allowedOrigins, List<String> allowedHosts, Optional<URI> publicUrl,
                              List<URI> authorizationServers) {
    private static final String HOST = "(\\[[0-9a-f:.]+\\]|[^/\\s:\\[\\]@]+)(:(\\d{1,5}|\\*))?";
    private static final Pattern ORIGIN = Pattern.compile("https?://" + HOST);
    private static final Pattern HOST_VALUE = Pattern.compile(HOST);

    public McpHttpSettings {
        allowedOrigins = allowedOrigins.stream().map(McpHttpSettings::origin).toList();
        allowedHosts = allowedHosts.stream().map(McpHttpSettings::host).toList();
        publicUrl = publicUrl.map(URI::toString).map(McpHttpSettings::baseUrl);
        authorizationServers = authorizationServers.stream().map(URI::toString).map(McpHttpSettings::issuer).toList();
    }

    /** Loopback clients only, the endpoint's address taken from each request, and no authorization server named. */
    public static McpHttpSettings loopbackOnly() {
        return new McpHttpSettings(List.of(), List.of(), Optional.empty(), List.of());
    }

    /**
     * An origin as browsers send it: {@code scheme://host[:port]}, lower case, no path; {@code :*} stands for any port.
     *
     * @throws IllegalArgumentException with a sentence for the user when it is not one
     */
    public static String origin(String text) {
        String origin = withoutTrailingSlash(text.strip()).toLowerCase(Locale.ROOT);
        if (!ORIGIN.matcher(origin).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an origin; write it as a browser sends it, such"
                    + " as https://app.example.com or http://localhost:3000 (or http://localhost:* for any port)");
        }
        return origin;
    }

    /**
     * A {@code Host} header value: {@code host[:port]}, lower case; {@code :*} stands for any port.
     *
     * @throws IllegalArgumentException with a sentence for the user when it is not one
     */
    public static String host(String text) {
        String host = text.strip().toLowerCase(Locale.ROOT);
        if (!HOST_VALUE.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a host; write a name with an optional port, such"
                    + " as todo.example.com, todo.example.com:8443 or todo.example.com:* (any port)");
        }
        return host;
    }

    /**
     * An absolute {@code http} or {@code https} URL without query or fragment, without its trailing slash.
     *
     * @throws IllegalArgumentException with a sentence for the user when it is not one
     */
    public static URI baseUrl(String text) {
        return httpUrl(text, withoutTrailingSlash(text.strip()));
    }

    /**
     * A token issuer's identifier: an absolute {@code http} or {@code https} URL without query or fragment, kept
     * exactly as written, since clients compare it with the issuer's own metadata character for character.
     *
     * @throws IllegalArgumentException with a sentence for the user when it is not one
     */
    public static URI issuer(String text) {
        return httpUrl(text, text.strip());
    }

    private static URI httpUrl(String text, String candidate) {
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            throw notAnHttpUrl(text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw notAnHttpUrl(text);
        }
        return uri;
    }

    private static IllegalArgumentException notAnHttpUrl(String text) {
        return new IllegalArgumentException("'" + text + "' is not an absolute http(s) URL without query, such as"
                + " https://todo.example.com");
    }

    private static String withoutTrailingSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
