package dev.todochat.http.internal;

import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.security.PublicJwk;

import javax.crypto.SecretKey;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/**
 * Picks the key that may verify a token, from the token's {@code alg} and {@code kid}: HS256 only with the server's
 * own secret, EdDSA, RS256 and ES256 only with a public key of the key set whose type fits the algorithm (and whose
 * own {@code alg}, when it names one, is the same). So a token cannot choose its own kind of check: an HS256 token
 * "signed" with a public key's bytes, or an RS256 token aimed at an EC key, finds no key and is refused.
 */
public final class SigningKeyLocator extends LocatorAdapter<Key> {
    private final SecretKey secret;
    private final JwksKeySet keySet;

    /**
     * The parser accepts only the algorithms configured, so HS256 reaches here only with a secret and the others only
     * with a key set; a null answer would make the parser refuse the token all the same.
     *
     * @param secret the HS256 key, or null when HS256 tokens are not accepted
     * @param keySet the public keys, or null when only HS256 tokens are accepted
     */
    public SigningKeyLocator(SecretKey secret, JwksKeySet keySet) {
        this.secret = secret;
        this.keySet = keySet;
    }

    @Override
    protected Key locate(JwsHeader header) {
        String alg = header.getAlgorithm();
        if ("HS256".equals(alg) || keySet == null) {
            return secret;
        }
        String kid = header.getKeyId();
        if (kid == null || kid.isBlank()) {
            throw new UnusableSigningKey("the token names no key id (kid)");
        }
        PublicJwk<?> jwk = keySet.find(kid).orElseThrow(
                () -> new UnusableSigningKey("the token's key id (kid) is not in the key set at " + keySet.url()));
        if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().equals(alg)) {
            throw new UnusableSigningKey("the token's key is for " + jwk.getAlgorithm() + ", not " + alg);
        }
        return fitting(alg, jwk.toKey()).orElseThrow(
                () -> new UnusableSigningKey("the token's key (kid) cannot verify " + alg + " signatures"));
    }

    private static Optional<Key> fitting(String alg, Key key) {
        boolean fits = switch (alg) {
            case "EdDSA" -> key instanceof EdECPublicKey;
            case "RS256" -> key instanceof RSAPublicKey;
            case "ES256" -> key instanceof ECPublicKey;
            default -> false;
        };
        return fits ? Optional.of(key) : Optional.empty();
    }
}
