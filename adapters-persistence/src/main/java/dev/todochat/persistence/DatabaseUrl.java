package dev.todochat.persistence;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A database URL as operators write it, turned into what the JDBC driver takes. Accepts
 * {@code postgres://user:password@host:port/database?sslmode=require} (also {@code postgresql://}; user and password
 * percent-encoded, several {@code host:port} separated by commas) and {@code jdbc:postgresql://host:port/database?...}
 * (also {@code jdbc:postgresql:database}, on localhost).
 * Query parameters such as {@code sslmode} are kept; the credentials are taken out so that the JDBC URL, logs and
 * error messages never carry the password.
 */
public final class DatabaseUrl {
    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    private static final int DEFAULT_PORT = 5432;

    private final String hostSpec;
    private final String database;
    private final String user;
    private final String password;
    private final String params;

    private DatabaseUrl(String hostSpec, String database, String user, String password, String params) {
        this.hostSpec = hostSpec;
        this.database = database;
        this.user = user;
        this.password = password;
        this.params = params;
    }

    /**
     * Parses either form.
     *
     * @throws IllegalArgumentException when the URL cannot be used; the message says why and never holds the password
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the database URL is empty");
        }
        String text = url.strip();
        if (text.startsWith("postgres://") || text.startsWith("postgresql://")) {
            return parse(text.substring(text.indexOf("://") + 3), true, DatabaseUrl::percentDecode);
        }
        if (text.startsWith(JDBC_PREFIX)) {
            String rest = text.substring(JDBC_PREFIX.length());
            return parse(rest.startsWith("//") ? rest.substring(2) : "localhost/" + rest, false, DatabaseUrl::formDecode);
        }
        throw new IllegalArgumentException("the database URL must look like postgres://user:password@host:5432/database"
                + " or jdbc:postgresql://host:5432/database");
    }

    /** The JDBC URL with the credentials as {@code user} and {@code password} parameters. */
    public static String toJdbc(String url) {
        DatabaseUrl parsed = parse(url);
        List<String> query = new ArrayList<>();
        parsed.user().ifPresent(user -> query.add("user=" + formEncode(user)));
        parsed.password().ifPresent(password -> query.add("password=" + formEncode(password)));
        String jdbcUrl = parsed.jdbcUrl();
        if (query.isEmpty()) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + String.join("&", query);
    }

    /** The JDBC URL without credentials, other parameters kept. */
    public String jdbcUrl() {
        String url = "jdbc:postgresql://" + hostSpec + "/" + formEncode(database);
        return params.isEmpty() ? url : url + "?" + params;
    }

    /** The same server, user and parameters, naming another database on it. */
    public DatabaseUrl withDatabase(String name) {
        return new DatabaseUrl(hostSpec, name, user, password, params);
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** For start-up output: {@code PostgreSQL at host:5432/database as user}, never with the password. */
    public String describe() {
        String hosts = hostSpec.contains(",") || hostSpec.matches(".*:\\d+") ? hostSpec : hostSpec + ":" + DEFAULT_PORT;
        return "PostgreSQL at " + hosts + "/" + database + (user == null ? "" : " as " + user);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static DatabaseUrl parse(String rest, boolean userInfoAllowed, UnaryOperator<String> decode) {
        int question = rest.indexOf('?');
        String query = question < 0 ? "" : rest.substring(question + 1);
        String beforeQuery = question < 0 ? rest : rest.substring(0, question);
        int slash = beforeQuery.indexOf('/');
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String database = slash < 0 ? "" : decode.apply(beforeQuery.substring(slash + 1));
        int at = userInfoAllowed ? authority.lastIndexOf('@') : -1;
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = emptyToNull(decode.apply(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? null : decode.apply(userInfo.substring(colon + 1));
        }
        String hostSpec = checkedHosts(authority.substring(at + 1));
        if (database.isEmpty()) {
            throw new IllegalArgumentException("the database URL names no database: add /name after the host");
        }
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : decode.apply(pair.substring(equals + 1));
            switch (key) {
                case "user" -> user = emptyToNull(value);
                case "password" -> password = value;
                case "" -> { }
                default -> kept.add(pair);
            }
        }
        return new DatabaseUrl(hostSpec, database, user, password, String.join("&", kept));
    }

    private static String checkedHosts(String hostSpec) {
        if (hostSpec.isEmpty()) {
            throw new IllegalArgumentException("the database URL names no host");
        }
        for (String host : hostSpec.split(",", -1)) {
            if (!host.matches("([A-Za-z0-9._~%-]+|\\[[0-9A-Fa-f:.]+])(:\\d{1,5})?")) {
                throw new IllegalArgumentException("the database URL has an invalid host or port");
            }
            int colon = host.lastIndexOf(':');
            if (colon > host.lastIndexOf(']') && Integer.parseInt(host.substring(colon + 1)) > 65535) {
                throw new IllegalArgumentException("the database URL has a port above 65535");
            }
        }
        return hostSpec;
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** RFC 3986 percent-decoding, as libpq does it: a {@code +} stays a plus. */
    private static String percentDecode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%') {
                int high = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
                int low = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    throw brokenEscape();
                }
                out.write(high * 16 + low);
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Form decoding, as the PostgreSQL JDBC driver reads its URLs. */
    private static String formDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw brokenEscape();
        }
    }

    private static String formEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException brokenEscape() {
        return new IllegalArgumentException("the database URL has a broken %-escape (write a % itself as %25)");
    }
}
