package dev.todochat.http;

import dev.todochat.domain.InvalidInput;
import dev.todochat.domain.UserId;
import dev.todochat.http.internal.JwksKeySet;
import dev.todochat.http.internal.UnusableSigningKey;
import dev.todochat.http.internal.SigningKeyLocator;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.InvalidClaimException;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SignatureException;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the API's bearer tokens (and issues local ones): JWTs signed with HS256 and a shared secret, and/or with
 * EdDSA, RS256 or ES256 and a public key of a JWKS URL (an auth service such as Better Auth publishes one), so that
 * any instance can check them without asking anyone but that URL. The user is the token's {@code sub}. A token must
 * carry an expiry; {@code nbf} is honoured; {@code iss} and {@code aud} are checked when configured; the clock may be
 * off by {@value #CLOCK_SKEW_SECONDS} seconds. The algorithm decides the key ({@link SigningKeyLocator}), never the
 * other way round: {@code alg: none}, other algorithms and keys of the wrong kind are refused.
 */
public final class Tokens {
    /** HS256 needs a key at least as long as its hash: 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;
    private static final long CLOCK_SKEW_SECONDS = 30;

    private final SecretKey secret;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final String accepted;
    private final JwtParser parser;

    private Tokens(Builder builder) {
        if (builder.secret == null && builder.jwks == null) {
            throw new IllegalArgumentException("tokens need a secret (HS256) or a JWKS URL, or both");
        }
        this.secret = builder.secret;
        this.issuer = builder.issuer;
        this.audience = builder.audience;
        this.clock = builder.clock;
        JwksKeySet keySet = builder.jwks == null ? null : new JwksKeySet(builder.jwks, builder.clock);
        JwtParserBuilder parsing = Jwts.parser()
                .keyLocator(new SigningKeyLocator(secret, keySet))
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(CLOCK_SKEW_SECONDS);
        List<String> kinds = new ArrayList<>();
        parsing.sig().clear();
        if (secret != null) {
            parsing.sig().add(Jwts.SIG.HS256);
            kinds.add("HS256 and this server's secret");
        }
        if (keySet != null) {
            parsing.sig().add(Jwts.SIG.EdDSA).add(Jwts.SIG.RS256).add(Jwts.SIG.ES256);
            kinds.add("EdDSA, RS256 or ES256 and a key of " + keySet.url());
        }
        if (issuer != null) {
            parsing.requireIssuer(issuer);
        }
        if (audience != null) {
            parsing.requireAudience(audience);
        }
        this.accepted = String.join(", or ", kinds);
        this.parser = parsing.build();
    }

    /**
     * HS256 tokens with {@code secret}, checked against {@code clock}.
     *
     * @throws IllegalArgumentException when the secret is too short
     */
    public Tokens(byte[] secret, Clock clock) {
        this(builder().secret(secret).clock(clock));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A token for {@code user} signed with the secret, valid for {@code ttl} from now, with the configured issuer and
     * audience.
     *
     * @throws IllegalStateException when no secret is configured (keys of a JWKS only verify)
     */
    public String issue(UserId user, Duration ttl) {
        if (secret == null) {
            throw new IllegalStateException("no JWT secret is configured: tokens come from the auth service");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token's lifetime must be positive");
        }
        Instant now = clock.instant();
        JwtBuilder token = Jwts.builder()
                .subject(user.value())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)));
        Optional.ofNullable(issuer).ifPresent(token::issuer);
        Optional.ofNullable(audience).ifPresent(aud -> token.audience().add(aud));
        return token.signWith(secret, Jwts.SIG.HS256).compact();
    }

    /**
     * The user a token speaks for.
     *
     * @throws InvalidToken           when the token is malformed, not signed with an accepted algorithm and key,
     *                                expired or not yet valid, of another issuer or audience, without an expiry, or
     *                                without a usable subject
     * @throws SigningKeysUnavailable when the token names a key that only the key set, unreachable now, could have
     */
    public UserId verify(String token) throws InvalidToken {
        Claims claims = claims(token);
        if (claims.getExpiration() == null) {
            throw new InvalidToken("the token has no expiry (exp)");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidToken("the token has no subject (sub)");
        }
        try {
            return new UserId(subject);
        } catch (InvalidInput e) {
            throw new InvalidToken("the token's subject is not a valid user id: " + e.getMessage());
        }
    }

    private Claims claims(String token) throws InvalidToken {
        try {
            return parser.parseSignedClaims(token).getPayload();
        } catch (UnusableSigningKey e) {
            throw new InvalidToken(e.getMessage());
        } catch (ExpiredJwtException e) {
            throw new InvalidToken("the token has expired");
        } catch (PrematureJwtException e) {
            throw new InvalidToken("the token is not valid yet (nbf)");
        } catch (InvalidClaimException e) {
            throw new InvalidToken(claimMessage(e.getClaimName()));
        } catch (SignatureException e) {
            throw new InvalidToken("the token is not signed with " + accepted);
        } catch (UnsupportedJwtException e) {
            throw new InvalidToken("the token must be a JWT signed with " + accepted);
        } catch (MalformedJwtException | IllegalArgumentException e) {
            throw new InvalidToken("the token is not a well-formed JWT");
        } catch (JwtException e) {
            throw new InvalidToken("the token is not valid");
        }
    }

    private String claimMessage(String claim) {
        return switch (claim) {
            case "iss" -> "the token's issuer (iss) is not " + issuer;
            case "aud" -> "the token's audience (aud) does not include " + audience;
            default -> "the token's " + claim + " claim is not as required";
        };
    }

    /** What tokens to accept: a secret, a JWKS URL or both, and the issuer and audience to require. */
    public static final class Builder {
        private SecretKey secret;
        private URI jwks;
        private String issuer;
        private String audience;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Accepts HS256 tokens signed with these bytes (and issues such tokens).
         *
         * @throws IllegalArgumentException when the secret is shorter than {@value #MIN_SECRET_BYTES} bytes
         */
        public Builder secret(byte[] bytes) {
            if (bytes.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("the JWT secret is " + bytes.length + " bytes long, but HS256"
                        + " needs at least " + MIN_SECRET_BYTES + " bytes (256 bits); use a longer secret, for"
                        + " example the output of `openssl rand -base64 32`");
            }
            this.secret = new SecretKeySpec(bytes, "HmacSHA256");
            return this;
        }

        /** Accepts EdDSA, RS256 and ES256 tokens signed with a key of the JWK set at this http(s) URL. */
        public Builder jwks(URI url) {
            String scheme = url.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || url.getHost() == null) {
                throw new IllegalArgumentException("the JWKS URL must be an http(s) URL with a host, not " + url);
            }
            this.jwks = url;
            return this;
        }

        /** Requires {@code iss} to be exactly this. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Requires {@code aud} to be or to include this. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** The time tokens are checked against (and issued at). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @throws IllegalArgumentException when neither a secret nor a JWKS URL is set */
        public Tokens build() {
            return new Tokens(this);
        }
    }
}
