package dev.bench.springai;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the platform-style environment variables into Spring properties:
 * DATABASE_URL (postgres://user:pass@host:port/db, or a JDBC URL as it is) into spring.datasource.*, and
 * OPENAI_BASE_URL (http://host:port/v1) into spring.ai.openai.base-url without the /v1,
 * because Spring AI appends /v1/chat/completions itself.
 */
final class EnvironmentUrls {

    private EnvironmentUrls() {
    }

    static Map<String, Object> toProperties(Map<String, String> env) {
        Map<String, Object> props = new HashMap<>();
        String databaseUrl = env.get("DATABASE_URL");
        if (databaseUrl != null && databaseUrl.trim().startsWith("jdbc:")) {
            props.put("spring.datasource.url", databaseUrl.trim());
        } else if (databaseUrl != null && !databaseUrl.isBlank()) {
            URI uri = URI.create(databaseUrl.trim());
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            props.put("spring.datasource.url", jdbcUrl);
            String userInfo = uri.getUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                props.put("spring.datasource.username", colon < 0 ? userInfo : userInfo.substring(0, colon));
                if (colon >= 0) {
                    props.put("spring.datasource.password", userInfo.substring(colon + 1));
                }
            }
        }
        String baseUrl = env.get("OPENAI_BASE_URL");
        if (baseUrl != null && !baseUrl.isBlank()) {
            String url = baseUrl.trim();
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            if (url.endsWith("/v1")) {
                url = url.substring(0, url.length() - 3);
            }
            props.put("spring.ai.openai.base-url", url);
        }
        return props;
    }
}
