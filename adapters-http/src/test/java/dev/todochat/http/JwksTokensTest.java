package dev.todochat.http;

import dev.todochat.domain.UserId;
import dev.todochat.testing.CapturedLog;
import dev.todochat.testing.ManualClock;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens signed by an auth service with the keys it publishes as a JWKS, as Better Auth's JWT plugin does. */
class JwksTokensTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ISSUER = "https://auth.example.test";
    private static final String AUDIENCE = "https://todo.example.test";
    private static final byte[] SECRET = "a-secret-that-is-long-enough-for-hs256!".getBytes(StandardCharsets.UTF_8);
    private static final KeyPair ED = TestKeys.ed25519();
    private static final KeyPair RSA = TestKeys.rsa();
    private static final KeyPair EC = TestKeys.p256();

    private final ManualClock clock = ManualClock.at(NOW);
    private final JwksServer jwks = JwksServer.serving(TestKeys.jwk("ed-1", ED), TestKeys.jwk("rsa-1", RSA),
            TestKeys.jwk("ec-1", EC));
    private final Tokens tokens = Tokens.builder().jwks(jwks.url()).issuer(ISSUER).audience(AUDIENCE).clock(clock)
            .build();

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void should_accept_a_better_auth_shaped_token_eddsa_with_kid_iss_aud_and_a_15_minute_expiry() throws Exception {
        String token = Jwts.builder().header().keyId("ed-1").and()
                .subject("user_2xYz9").issuer(ISSUER).audience().add(AUDIENCE).and()
                .issuedAt(Date.from(NOW)).expiration(Date.from(NOW.plus(Duration.ofMinutes(15))))
                .claim("email", "alice@example.test")
                .signWith(ED.getPrivate(), Jwts.SIG.EdDSA).compact();

        assertThat(tokens.verify(token)).isEqualTo(new UserId("user_2xYz9"));
    }

    @Test
    void should_accept_rs256_and_es256_tokens_with_keys_of_the_set() throws Exception {
        assertThat(tokens.verify(signed("rsa-1", RSA, "RS256"))).isEqualTo(new UserId("alice"));
        assertThat(tokens.verify(signed("ec-1", EC, "ES256"))).isEqualTo(new UserId("alice"));
    }

    @Test
    void should_fetch_the_key_set_once_for_many_tokens() throws Exception {
        for (int i = 0; i < 5; i++) {
            tokens.verify(signed("ed-1", ED, "EdDSA"));
            tokens.verify(signed("rsa-1", RSA, "RS256"));
        }

        assertThat(jwks.fetches()).isEqualTo(1);
    }

    @Test
    void should_fetch_the_set_again_once_when_a_token_names_a_new_key_id() throws Exception {
        tokens.verify(signed("ed-1", ED, "EdDSA"));
        KeyPair rotated = TestKeys.ed25519();
        jwks.publish(TestKeys.jwk("ed-1", ED), TestKeys.jwk("ed-2", rotated));
        clock.advance(Duration.ofSeconds(31));

        assertThat(tokens.verify(signed("ed-2", rotated, "EdDSA"))).isEqualTo(new UserId("alice"));
        assertThat(tokens.verify(signed("ed-2", rotated, "EdDSA"))).isEqualTo(new UserId("alice"));
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    @Test
    void should_fetch_at_most_once_per_30_seconds_however_many_unknown_key_ids_arrive() throws Exception {
        tokens.verify(signed("ed-1", ED, "EdDSA"));
        KeyPair stranger = TestKeys.ed25519();

        for (int i = 0; i < 20; i++) {
            String unknown = signed("made-up-" + i, stranger, "EdDSA");
            assertThatThrownBy(() -> tokens.verify(unknown)).isInstanceOf(InvalidToken.class)
                    .hasMessageStartingWith("the token's key id (kid) is not in the key set");
        }
        assertThat(jwks.fetches()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> tokens.verify(signed("made-up-again", stranger, "EdDSA")))
                .isInstanceOf(InvalidToken.class);
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    @Test
    void should_stop_accepting_a_key_removed_from_the_set_once_the_keys_are_ten_minutes_old() throws Exception {
        tokens.verify(signed("rsa-1", RSA, "RS256"));
        jwks.publish(TestKeys.jwk("ed-1", ED));
        clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> tokens.verify(signed("rsa-1", RSA, "RS256"))).isInstanceOf(InvalidToken.class)
                .hasMessageStartingWith("the token's key id (kid) is not in the key set");
    }

    @Test
    void should_answer_keys_unavailable_when_the_set_cannot_be_fetched_and_keep_the_keys_it_has() throws Exception {
        Tokens unreachable = Tokens.builder().jwks(jwks.url()).clock(clock).build();
        unreachable.verify(signed("ed-1", ED, "EdDSA"));
        jwks.close();
        clock.advance(Duration.ofMinutes(1));

        try (CapturedLog log = CapturedLog.of("dev.todochat.http.internal.JwksKeySet")) {
            assertThat(unreachable.verify(signed("ed-1", ED, "EdDSA"))).isEqualTo(new UserId("alice"));
            assertThatThrownBy(() -> unreachable.verify(signed("ed-2", TestKeys.ed25519(), "EdDSA")))
                    .isInstanceOf(SigningKeysUnavailable.class);

            assertThat(log.messages()).isNotEmpty().allSatisfy(message -> assertThat(message)
                    .startsWith("cannot fetch the signing keys from " + jwks.url()).endsWith("key(s) known"));
        }
    }

    @Test
    void should_refuse_an_expired_token_after_30_seconds_of_skew() throws Exception {
        String expired = signed(ED, "EdDSA", b -> b.expiration(Date.from(NOW.minusSeconds(31))));
        String justExpired = signed(ED, "EdDSA", b -> b.expiration(Date.from(NOW.minusSeconds(20))));

        assertThatThrownBy(() -> tokens.verify(expired)).isInstanceOf(InvalidToken.class)
                .hasMessage("the token has expired");
        assertThat(tokens.verify(justExpired)).isEqualTo(new UserId("alice"));
    }

    @Test
    void should_refuse_a_token_that_is_not_valid_yet() {
        String early = signed(ED, "EdDSA", b -> b.notBefore(Date.from(NOW.plusSeconds(120))));

        assertThatThrownBy(() -> tokens.verify(early)).isInstanceOf(InvalidToken.class)
                .hasMessage("the token is not valid yet (nbf)");
    }

    @Test
    void should_refuse_a_token_of_another_issuer_or_without_one() {
        String foreign = signed(ED, "EdDSA", b -> b.issuer("https://evil.example.test"));
        String none = signed(ED, "EdDSA", b -> b.issuer(null));

        assertThatThrownBy(() -> tokens.verify(foreign)).isInstanceOf(InvalidToken.class)
                .hasMessage("the token's issuer (iss) is not " + ISSUER);
        assertThatThrownBy(() -> tokens.verify(none)).isInstanceOf(InvalidToken.class)
                .hasMessage("the token's issuer (iss) is not " + ISSUER);
    }

    @Test
    void should_refuse_a_token_for_another_audience() {
        String elsewhere = signed(ED, "EdDSA", b -> b.audience().single("https://other.example.test"));

        assertThatThrownBy(() -> tokens.verify(elsewhere)).isInstanceOf(InvalidToken.class)
                .hasMessage("the token's audience (aud) does not include " + AUDIENCE);
    }

    @Test
    void should_refuse_a_token_without_an_expiry() {
        String forever = signed(ED, "EdDSA", b -> b.expiration(null));

        assertThatThrownBy(() -> tokens.verify(forever)).isInstanceOf(InvalidToken.class)
                .hasMessage("the token has no expiry (exp)");
    }

    @Test
    void should_refuse_alg_none_even_with_a_known_key_id() {
        String header = base64Url("{\"alg\":\"none\",\"kid\":\"ed-1\"}");
        String claims = base64Url("{\"sub\":\"alice\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE
                + "\",\"exp\":" + NOW.plusSeconds(600).getEpochSecond() + "}");

        assertThatThrownBy(() -> tokens.verify(header + "." + claims + ".")).isInstanceOf(InvalidToken.class);
    }

    @Test
    void should_refuse_an_hs256_token_signed_with_a_public_keys_bytes() {
        String confused = claims(Jwts.builder().header().keyId("rsa-1").and())
                .signWith(new SecretKeySpec(RSA.getPublic().getEncoded(), "HmacSHA256"), Jwts.SIG.HS256).compact();
        Tokens both = Tokens.builder().secret(SECRET).jwks(jwks.url()).issuer(ISSUER).audience(AUDIENCE)
                .clock(clock).build();

        assertThatThrownBy(() -> tokens.verify(confused)).isInstanceOf(InvalidToken.class)
                .hasMessageStartingWith("the token is not signed with EdDSA, RS256 or ES256");
        assertThatThrownBy(() -> both.verify(confused)).isInstanceOf(InvalidToken.class)
                .hasMessageStartingWith("the token is not signed with");
    }

    @Test
    void should_refuse_a_token_whose_algorithm_does_not_fit_the_key_it_names() {
        String rsaOnEcKey = claims(Jwts.builder().header().keyId("ec-1").and())
                .signWith(RSA.getPrivate(), Jwts.SIG.RS256).compact();

        assertThatThrownBy(() -> tokens.verify(rsaOnEcKey)).isInstanceOf(InvalidToken.class)
                .hasMessage("the token's key (kid) cannot verify RS256 signatures");
    }

    @Test
    void should_refuse_a_token_whose_algorithm_is_not_the_one_its_key_is_published_for() {
        jwks.publish(Jwks.builder().key(RSA.getPublic()).id("rsa-ps").algorithm("PS256").build());

        assertThatThrownBy(() -> tokens.verify(signed("rsa-ps", RSA, "RS256"))).isInstanceOf(InvalidToken.class)
                .hasMessage("the token's key is for PS256, not RS256");
    }

    @Test
    void should_refuse_a_token_without_a_key_id() {
        String anonymous = claims(Jwts.builder()).signWith(ED.getPrivate(), Jwts.SIG.EdDSA).compact();

        assertThatThrownBy(() -> tokens.verify(anonymous)).isInstanceOf(InvalidToken.class)
                .hasMessage("the token names no key id (kid)");
    }

    @Test
    void should_refuse_an_rs256_token_when_only_a_secret_is_configured_without_fetching_anything() {
        Tokens secretOnly = Tokens.builder().secret(SECRET).clock(clock).build();

        assertThatThrownBy(() -> secretOnly.verify(signed("rsa-1", RSA, "RS256"))).isInstanceOf(InvalidToken.class)
                .hasMessage("the token is not signed with HS256 and this server's secret");
        assertThat(jwks.fetches()).isZero();
    }

    @Test
    void should_refuse_an_rs512_token_even_with_a_key_of_the_set() {
        String rs512 = claims(Jwts.builder().header().keyId("rsa-1").and())
                .signWith(RSA.getPrivate(), Jwts.SIG.RS512).compact();

        assertThatThrownBy(() -> tokens.verify(rs512)).isInstanceOf(InvalidToken.class)
                .hasMessageStartingWith("the token is not signed with EdDSA, RS256 or ES256");
    }

    @Test
    void should_accept_local_hs256_tokens_and_jwks_tokens_side_by_side() throws Exception {
        Tokens both = Tokens.builder().secret(SECRET).jwks(jwks.url()).issuer(ISSUER).audience(AUDIENCE)
                .clock(clock).build();

        assertThat(both.verify(both.issue(new UserId("bob"), Duration.ofMinutes(5)))).isEqualTo(new UserId("bob"));
        assertThat(both.verify(signed("ed-1", ED, "EdDSA"))).isEqualTo(new UserId("alice"));
    }

    private String signed(String kid, KeyPair pair, String alg) {
        return claims(Jwts.builder().header().keyId(kid).and()).signWith(pair.getPrivate(), algorithm(alg)).compact();
    }

    private String signed(KeyPair pair, String alg, java.util.function.Consumer<JwtBuilder> change) {
        JwtBuilder builder = claims(Jwts.builder().header().keyId("ed-1").and());
        change.accept(builder);
        return builder.signWith(pair.getPrivate(), algorithm(alg)).compact();
    }

    private static JwtBuilder claims(JwtBuilder builder) {
        return builder.subject("alice").issuer(ISSUER).audience().add(AUDIENCE).and()
                .issuedAt(Date.from(NOW)).expiration(Date.from(NOW.plus(Duration.ofMinutes(15))));
    }

    @SuppressWarnings("unchecked")
    private static io.jsonwebtoken.security.SignatureAlgorithm algorithm(String alg) {
        return (io.jsonwebtoken.security.SignatureAlgorithm) Jwts.SIG.get().forKey(alg);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
