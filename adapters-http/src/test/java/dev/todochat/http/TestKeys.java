package dev.todochat.http;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Key pairs of the three kinds a key set may hold, made with the JDK alone, and their public JWKs. */
final class TestKeys {
    private TestKeys() {
    }

    static KeyPair ed25519() {
        return generate("Ed25519", null);
    }

    static KeyPair rsa() {
        return generate("RSA", null);
    }

    static KeyPair p256() {
        return generate("EC", "secp256r1");
    }

    static PublicJwk<?> jwk(String kid, KeyPair pair) {
        return Jwks.builder().key(pair.getPublic()).id(kid).build();
    }

    private static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else if (algorithm.equals("RSA")) {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
