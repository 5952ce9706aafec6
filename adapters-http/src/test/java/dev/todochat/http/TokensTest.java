package dev.todochat.http;

import dev.todochat.domain.UserId;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokensTest {
    private static final byte[] SECRET = "a-secret-that-is-long-enough-for-hs256!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LONG_SECRET = "x".repeat(64).getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Tokens tokens = new Tokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void should_verify_a_token_it_issued_as_its_subject() throws InvalidToken {
        String token = tokens.issue(new UserId("alice"), Duration.ofHours(1));

        assertThat(tokens.verify(token)).isEqualTo(new UserId("alice"));
    }

    @Test
    void should_refuse_a_secret_shorter_than_256_bits_with_a_clear_message() {
        assertThatThrownBy(() -> new Tokens("too-short".getBytes(StandardCharsets.UTF_8), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9 bytes")
                .hasMessageContaining("at least 32 bytes (256 bits)");
    }

    @Test
    void should_refuse_a_token_signed_with_another_secret() {
        String foreign = new Tokens("another-secret-that-is-long-enough-too!".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC)).issue(new UserId("alice"), Duration.ofHours(1));

        assertThatThrownBy(() -> tokens.verify(foreign)).isInstanceOf(InvalidToken.class)
                .hasMessage("the token is not signed with HS256 and this server's secret");
    }

    @Test
    void should_refuse_an_expired_token() {
        String token = tokens.issue(new UserId("alice"), Duration.ofMinutes(5));
        Tokens later = new Tokens(SECRET, Clock.fixed(NOW.plus(Duration.ofMinutes(10)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(token)).isInstanceOf(InvalidToken.class)
                .hasMessage("the token has expired");
    }

    @Test
    void should_refuse_an_unsigned_token_with_alg_none() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = base64Url("{\"sub\":\"alice\",\"exp\":" + NOW.plusSeconds(3600).getEpochSecond() + "}");

        assertThatThrownBy(() -> tokens.verify(header + "." + claims + ".")).isInstanceOf(InvalidToken.class)
                .hasMessage("the token must be a JWT signed with HS256 and this server's secret");
    }

    @Test
    void should_refuse_a_token_signed_with_hs512_even_with_the_same_secret() {
        Tokens strong = new Tokens(LONG_SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
        String hs512 = Jwts.builder().subject("alice").expiration(Date.from(NOW.plusSeconds(3600)))
                .signWith(new SecretKeySpec(LONG_SECRET, "HmacSHA512"), Jwts.SIG.HS512).compact();

        assertThatThrownBy(() -> strong.verify(hs512)).isInstanceOf(InvalidToken.class)
                .hasMessage("the token is not signed with HS256 and this server's secret");
    }

    @Test
    void should_refuse_a_token_without_a_subject() {
        String token = signed(Jwts.builder().expiration(Date.from(NOW.plusSeconds(3600))));

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidToken.class)
                .hasMessage("the token has no subject (sub)");
    }

    @Test
    void should_refuse_a_token_without_an_expiry() {
        String token = signed(Jwts.builder().subject("alice"));

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidToken.class)
                .hasMessage("the token has no expiry (exp)");
    }

    @Test
    void should_refuse_a_subject_that_is_not_a_valid_user_id() {
        String token = signed(Jwts.builder().subject("al ice").expiration(Date.from(NOW.plusSeconds(3600))));

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidToken.class)
                .hasMessageStartingWith("the token's subject is not a valid user id");
    }

    @Test
    void should_refuse_text_that_is_not_a_jwt() {
        assertThatThrownBy(() -> tokens.verify("not-a-jwt")).isInstanceOf(InvalidToken.class)
                .hasMessage("the token is not a well-formed JWT");
        assertThatThrownBy(() -> tokens.verify("")).isInstanceOf(InvalidToken.class);
    }

    private static String signed(io.jsonwebtoken.JwtBuilder builder) {
        return builder.signWith(new SecretKeySpec(SECRET, "HmacSHA256"), Jwts.SIG.HS256).compact();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
