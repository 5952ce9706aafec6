package dev.todochat.http.internal;

import dev.todochat.http.SigningKeysUnavailable;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The public keys of a JWKS URL, by key id, fetched when first needed and kept by this instance. A key id it does not
 * know makes it fetch the set again (keys rotate), and so does age, but never more than once per
 * {@link #MIN_REFRESH_INTERVAL}, so a flood of tokens with made-up key ids cannot turn into a flood of fetches. When a
 * fetch fails, the keys it had stay in use.
 */
public final class JwksKeySet {
    /** The shortest time between two fetches, whatever asks for them. */
    public static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    /** Keys older than this are fetched again on the next use, so a key removed from the set stops working. */
    public static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_BYTES = 512 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(JwksKeySet.class);

    private final URI url;
    private final HttpClient client;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Keys keys = Keys.NONE;

    public JwksKeySet(URI url, Clock clock) {
        this.url = url;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI url() {
        return url;
    }

    /**
     * The key with id {@code kid}, fetching the set first when the id is unknown or the keys are old and the last
     * fetch was long enough ago; empty when the set does not hold it.
     *
     * @throws SigningKeysUnavailable when the id is unknown and the set could not be fetched
     */
    Optional<PublicJwk<?>> find(String kid) {
        Keys current = keys;
        PublicJwk<?> known = current.byId().get(kid);
        if (known != null && !current.olderThan(MAX_AGE, clock.instant())) {
            return Optional.of(known);
        }
        Keys refreshed = refresh(current);
        PublicJwk<?> found = refreshed.byId().get(kid);
        if (found == null && refreshed.lastFetchFailed()) {
            throw new SigningKeysUnavailable("the signing keys at " + url + " cannot be fetched right now and the"
                    + " token's key id is not among the keys known; try again shortly");
        }
        return Optional.ofNullable(found);
    }

    /** Fetches the set unless another thread just did, or the last fetch was less than the interval ago. */
    private Keys refresh(Keys seen) {
        fetching.lock();
        try {
            Keys current = keys;
            Instant now = clock.instant();
            if (current != seen || current.attemptedAt() != null
                    && current.attemptedAt().plus(MIN_REFRESH_INTERVAL).isAfter(now)) {
                return current;
            }
            keys = fetch(current, now);
            return keys;
        } finally {
            fetching.unlock();
        }
    }

    private Keys fetch(Keys previous, Instant now) {
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return failed(previous, now, "status " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    return failed(previous, now, "the key set is larger than " + MAX_BYTES / 1024 + " KiB");
                }
                Map<String, PublicJwk<?>> byId = signingKeys(
                        Jwks.setParser().build().parse(new String(bytes, StandardCharsets.UTF_8)));
                LOG.info("fetched {} signing key(s) from {}", byId.size(), url);
                return new Keys(Map.copyOf(byId), now, now, false);
            }
        } catch (IOException | RuntimeException e) {
            return failed(previous, now, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(previous, now, "interrupted");
        }
    }

    private Keys failed(Keys previous, Instant now, String reason) {
        LOG.warn("cannot fetch the signing keys from {} ({}); keeping the {} key(s) known", url, reason,
                previous.byId().size());
        return new Keys(previous.byId(), previous.fetchedAt(), now, true);
    }

    /** Public keys meant for signatures, with an id: a secret key or an encryption key in the set is never used. */
    private static Map<String, PublicJwk<?>> signingKeys(JwkSet set) {
        Map<String, PublicJwk<?>> byId = new HashMap<>();
        for (Jwk<?> jwk : set) {
            if (jwk instanceof PublicJwk<?> key && key.getId() != null
                    && (key.getPublicKeyUse() == null || "sig".equals(key.getPublicKeyUse()))) {
                byId.put(key.getId(), key);
            }
        }
        return byId;
    }

    /** What is known: the keys, when they were fetched, when a fetch was last tried and whether it failed. */
    private record Keys(Map<String, PublicJwk<?>> byId, Instant fetchedAt, Instant attemptedAt,
                        boolean lastFetchFailed) {
        static final Keys NONE = new Keys(Map.of(), null, null, false);

        boolean olderThan(Duration age, Instant now) {
            return fetchedAt == null || fetchedAt.plus(age).isBefore(now);
        }
    }
}
