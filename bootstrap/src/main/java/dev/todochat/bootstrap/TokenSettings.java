package dev.todochat.bootstrap;

import dev.todochat.http.Tokens;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

import static dev.todochat.bootstrap.Env.value;

/**
 * Which tokens besides the secret's to accept, and what they must say: {@code JWT_JWKS_URL} (the key set of an auth
 * service such as Better Auth: EdDSA, RS256 and ES256 tokens), {@code JWT_ISSUER} and {@code JWT_AUDIENCE} (required
 * {@code iss} and {@code aud}, checked on every token and written into the ones {@code token} issues).
 */
record TokenSettings(Optional<URI> jwksUrl, Optional<String> issuer, Optional<String> audience) {

    static TokenSettings from(Map<String, String> env) {
        return new TokenSettings(value(env, "JWT_JWKS_URL").map(TokenSettings::jwksUrl), value(env, "JWT_ISSUER"),
                value(env, "JWT_AUDIENCE"));
    }

    /**
     * The verifier: the secret's HS256 tokens when there is a secret, the key set's when there is a URL.
     *
     * @throws ConfigException when the secret is too short
     */
    Tokens tokens(Optional<byte[]> secret, String secretSource) {
        Tokens.Builder tokens = Tokens.builder();
        try {
            secret.ifPresent(tokens::secret);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(secretSource + ": " + e.getMessage());
        }
        jwksUrl.ifPresent(tokens::jwks);
        issuer.ifPresent(tokens::issuer);
        audience.ifPresent(tokens::audience);
        return tokens.build();
    }

    private static URI jwksUrl(String text) {
        try {
            URI url = new URI(text);
            Tokens.builder().jwks(url);
            return url;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ConfigException("JWT_JWKS_URL must be an http(s) URL with a host, such as"
                    + " https://auth.example.com/api/auth/jwks, not '" + text + "'");
        }
    }
}
