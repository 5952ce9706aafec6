package dev.todochat.testing;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a PostgreSQL server is and how to log in: enough to open its maintenance database and to name any other
 * database on it. Parsed from {@code postgres://user:pass@host:port/db?params} (also {@code postgresql://}) or
 * {@code jdbc:postgresql://host:port/db?user=..&password=..}.
 *
 * @param hostSpec            {@code host:port}, or several separated by commas
 * @param maintenanceDatabase the database to connect to for {@code CREATE DATABASE}
 * @param user                the login, or null for the driver's default
 * @param password            the password, or null
 * @param params              further JDBC parameters, already encoded ({@code a=b&c=d}), or empty
 */
record ServerAddress(String hostSpec, String maintenanceDatabase, String user, String password, String params) {
    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    static ServerAddress parse(String url) {
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return parseUri(url.substring(url.indexOf("://") + 3));
        }
        if (url.startsWith(JDBC_PREFIX)) {
            String rest = url.substring(JDBC_PREFIX.length());
            return Parts.of(rest.startsWith("//") ? rest.substring(2) : "localhost/" + rest).address(null, null, null);
        }
        throw new IllegalArgumentException(
                "TODOCHAT_TEST_DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql:");
    }

    /** The JDBC URL of {@code database} on this server, with the credentials as parameters. */
    String jdbcUrl(String database) {
        List<String> query = new ArrayList<>();
        if (user != null) {
            query.add("user=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
        }
        if (password != null) {
            query.add("password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        }
        if (!params.isEmpty()) {
            query.add(params);
        }
        String url = "jdbc:postgresql://" + hostSpec + "/" + database;
        return query.isEmpty() ? url : url + "?" + String.join("&", query);
    }

    String maintenanceUrl() {
        return jdbcUrl(maintenanceDatabase);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return hostSpec + "/" + maintenanceDatabase + (user == null ? "" : " as " + user);
    }

    private static ServerAddress parseUri(String rest) {
        Parts parts = Parts.of(rest);
        String authority = parts.authority();
        int at = authority.lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = percentDecode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : percentDecode(userInfo.substring(colon + 1));
        }
        return parts.address(authority.substring(at + 1), user, password);
    }

    private static String percentDecode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%') {
                out.write(hexByte(in, i + 1));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hexByte(byte[] in, int at) {
        int high = at + 1 < in.length ? Character.digit(in[at], 16) : -1;
        int low = at + 1 < in.length ? Character.digit(in[at + 1], 16) : -1;
        if (high < 0 || low < 0) {
            throw new IllegalArgumentException("TODOCHAT_TEST_DATABASE_URL has a broken %-escape in its user or password");
        }
        return high * 16 + low;
    }

    /** A URL after its scheme, cut into authority, database and query. */
    private record Parts(String authority, String database, String query) {
        static Parts of(String rest) {
            int question = rest.indexOf('?');
            String query = question < 0 ? "" : rest.substring(question + 1);
            String beforeQuery = question < 0 ? rest : rest.substring(0, question);
            int slash = beforeQuery.indexOf('/');
            String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
            String database = slash < 0 ? "" : beforeQuery.substring(slash + 1);
            return new Parts(authority, database, query);
        }

        /** The address, with {@code user} and {@code password} parameters of the query taking precedence. */
        ServerAddress address(String hostSpec, String userInfoUser, String userInfoPassword) {
            String hosts = hostSpec == null ? authority : hostSpec;
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("TODOCHAT_TEST_DATABASE_URL names no host");
            }
            String user = userInfoUser;
            String password = userInfoPassword;
            List<String> kept = new ArrayList<>();
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    case "" -> { }
                    default -> kept.add(pair);
                }
            }
            String maintenance = database.isEmpty() ? "postgres" : database;
            return new ServerAddress(hosts, maintenance, user, password, String.join("&", kept));
        }
    }
}
