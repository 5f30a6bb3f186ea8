package io.meshgate.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the PEM files of {@code server.tls} the way the server will read them (with the JDK's
 * own TLS engine): a certificate chain, and an unencrypted PKCS#8 private key that belongs to
 * its first certificate.
 */
final class TlsFiles {
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    private TlsFiles() {
    }

    /** The certificate chain, or a description of what is wrong with the file. */
    static Result<List<X509Certificate>> certificates(Path file) {
        Optional<String> unreadable = unreadable(file);
        if (unreadable.isPresent()) {
            return Result.problem(unreadable.get());
        }
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (CertificateException e) {
            return Result.problem("'" + file + "' is not a PEM certificate file (expected -----BEGIN CERTIFICATE-----): " + e.getMessage());
        } catch (IOException e) {
            return Result.problem("cannot read '" + file + "': " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            return Result.problem("'" + file + "' holds no certificate (expected -----BEGIN CERTIFICATE-----)");
        }
        List<X509Certificate> chain = new ArrayList<>();
        certificates.forEach(c -> chain.add((X509Certificate) c));
        return Result.of(chain);
    }

    /** The private key, or a description of what is wrong with the file. */
    static Result<PrivateKey> privateKey(Path file) {
        Optional<String> unreadable = unreadable(file);
        if (unreadable.isPresent()) {
            return Result.problem(unreadable.get());
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return Result.problem("cannot read '" + file + "': " + e.getMessage());
        }
        Matcher pem = PRIVATE_KEY.matcher(text);
        if (!pem.find()) {
            if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
                return Result.problem("'" + file + "' holds an encrypted key; give an unencrypted PKCS#8 key"
                        + " (openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem) and protect the file instead");
            }
            if (text.matches("(?s).*-----BEGIN (RSA|EC) PRIVATE KEY-----.*")) {
                return Result.problem("'" + file + "' holds a PKCS#1/SEC1 key; convert it to PKCS#8"
                        + " (openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem)");
            }
            return Result.problem("'" + file + "' is not a PEM private key (expected -----BEGIN PRIVATE KEY-----)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.group(1).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return Result.problem("'" + file + "' has a private key that is not valid base64");
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return Result.of(KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der)));
            } catch (GeneralSecurityException e) {
                // Not this algorithm; try the next.
            }
        }
        return Result.problem("'" + file + "' has a private key that is not an RSA, EC or EdDSA PKCS#8 key");
    }

    /** Whether {@code key} is the private key of {@code certificate}: it signs, the certificate's public key verifies. */
    static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        PublicKey publicKey = certificate.getPublicKey();
        if (!publicKey.getAlgorithm().equals(key.getAlgorithm())
                && !(publicKey.getAlgorithm().startsWith("Ed") && key.getAlgorithm().startsWith("Ed"))) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = "meshgate tls check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Optional<String> unreadable(Path file) {
        if (!Files.exists(file)) {
            return Optional.of("no such file '" + file + "'");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("'" + file + "' is not a file");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("cannot read '" + file + "' (check its permissions)");
        }
        return Optional.empty();
    }

    /** A value read from a file, or the problem that stopped it. */
    record Result<T>(Optional<T> value, Optional<String> problem) {
        static <T> Result<T> of(T value) {
            return new Result<>(Optional.of(value), Optional.empty());
        }

        static <T> Result<T> problem(String problem) {
            return new Result<>(Optional.empty(), Optional.of(problem));
        }
    }
}
