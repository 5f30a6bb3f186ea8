package io.meshgate.jdbc;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed {@code jdbc:meshgate://host[:port][/][?key=value&...]} URL.
 *
 * <p>TLS: {@code tls=true} connects over TLS and checks the gateway's certificate against the
 * system's trusted certificates. For a gateway whose certificate a private CA issued, or which
 * is self-signed, add {@code tlsRootCert=/path/to/ca.pem} (PEM certificates to trust instead;
 * Arrow's {@code tlsRootCerts}); {@code tlsVerify=false} turns certificate checks off (Arrow's
 * {@code disableCertificateVerification}), for tests only. Both work as URL parameters or as
 * connection properties, and only with {@code tls=true}. Arrow's own names pass through too.
 *
 * @param host       the gateway's host name or address ({@code [::1]} style for IPv6)
 * @param port       the gateway's port, {@value #DEFAULT_PORT} unless given
 * @param tls        whether the URL asks for TLS ({@code tls=true|false}), empty if it does not say
 * @param parameters the other parameters, as raw {@code key=value} text to pass on unchanged
 */
record MeshgateUrl(String host, int port, Optional<Boolean> tls, List<String> parameters) {
    static final String PREFIX = "jdbc:meshgate:";
    static final int DEFAULT_PORT = 31337;
    static final String TLS = "tls";
    /** The Arrow driver's own switch, which the meshgate URL spells {@code tls}. */
    static final String ARROW_ENCRYPTION = "useEncryption";
    /** A PEM file of certificates to trust, in meshgate's words and in Arrow's. */
    static final String TLS_ROOT_CERT = "tlsRootCert";
    static final String ARROW_TLS_ROOT_CERTS = "tlsRootCerts";
    /** Whether to check the gateway's certificate, in meshgate's words; Arrow says the opposite. */
    static final String TLS_VERIFY = "tlsVerify";
    static final String ARROW_DISABLE_VERIFICATION = "disableCertificateVerification";
    private static final String SHAPE = "expected jdbc:meshgate://host[:port][?key=value&...]";
    /** SQLSTATE: the client cannot establish the connection. */
    static final String SQLSTATE_CANNOT_CONNECT = "08001";

    MeshgateUrl {
        requireNonNull(host, "host is null");
        requireNonNull(tls, "tls is null");
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
        if (host.isEmpty()) {
            throw new IllegalArgumentException("Cannot use a meshgate URL without a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Cannot use port " + port + ": ports run from 1 to 65535");
        }
    }

    /** Whether {@code url} names the meshgate protocol; it may still be malformed. */
    static boolean accepts(String url) {
        return url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Parses a URL that {@link #accepts} the protocol.
     *
     * @throws SQLException saying what is wrong if the URL is malformed
     */
    static MeshgateUrl parse(String url) throws SQLException {
        requireNonNull(url, "url is null");
        if (!accepts(url)) {
            throw malformed(url, "not a jdbc:meshgate: URL");
        }
        String rest = url.substring(PREFIX.length());
        if (!rest.startsWith("//")) {
            throw malformed(url, SHAPE);
        }
        if (rest.length() == 2 || "/?#".indexOf(rest.charAt(2)) >= 0) {
            throw malformed(url, "no host (" + SHAPE + ")");
        }
        URI uri;
        try {
            uri = new URI("meshgate:" + rest);
        } catch (URISyntaxException e) {
            throw malformed(url, e.getReason() + " at index " + (e.getIndex() + PREFIX.length() - "meshgate:".length()));
        }
        String authority = Optional.ofNullable(uri.getRawAuthority()).orElse("");
        if (uri.getRawUserInfo() != null) {
            throw malformed(url, "credentials do not belong in the URL (use the user and password properties)");
        }
        if (uri.getHost() == null) {
            throw malformed(url, hostProblem(authority));
        }
        if (authority.endsWith(":")) {
            throw malformed(url, "the port after ':' is missing");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw malformed(url, "port " + port + " is not between 1 and 65535");
        }
        String path = Optional.ofNullable(uri.getRawPath()).orElse("");
        if (!path.isEmpty() && !path.equals("/")) {
            throw malformed(url, "unexpected path '" + path + "' (" + SHAPE + ")");
        }
        if (uri.getRawFragment() != null) {
            throw malformed(url, "unexpected fragment '#" + uri.getRawFragment() + "'");
        }
        Optional<Boolean> tls = Optional.empty();
        List<String> parameters = new ArrayList<>();
        for (String parameter : Optional.ofNullable(uri.getRawQuery()).orElse("").split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                throw malformed(url, "parameter '" + parameter + "' is not key=value");
            }
            String key = decode(url, parameter.substring(0, equals));
            String value = decode(url, parameter.substring(equals + 1));
            if (key.equalsIgnoreCase(TLS)) {
                tls = Optional.of(parseTls(value).orElseThrow(() -> malformed(url, tlsProblem(value))));
            } else if (key.equalsIgnoreCase(ARROW_ENCRYPTION)) {
                throw malformed(url, encryptionProblem());
            } else if (key.equalsIgnoreCase(TLS_ROOT_CERT)) {
                parameters.add(ARROW_TLS_ROOT_CERTS + "=" + parameter.substring(equals + 1));
            } else if (key.equalsIgnoreCase(TLS_VERIFY)) {
                boolean verify = parseTls(value).orElseThrow(() -> malformed(url, verifyProblem(value)));
                parameters.add(ARROW_DISABLE_VERIFICATION + "=" + !verify);
            } else {
                parameters.add(parameter);
            }
        }
        return new MeshgateUrl(uri.getHost(), port, tls, parameters);
    }

    /** {@code true} or {@code false}, in any case; empty for anything else. */
    static Optional<Boolean> parseTls(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    static String tlsProblem(String value) {
        return "tls must be true or false, not '" + value + "'";
    }

    static String verifyProblem(String value) {
        return TLS_VERIFY + " must be true or false, not '" + value + "'";
    }

    static String encryptionProblem() {
        return "use tls=true|false rather than " + ARROW_ENCRYPTION;
    }

    static SQLException malformed(String url, String problem) {
        return new SQLException("Cannot connect to '" + url + "': " + problem, SQLSTATE_CANNOT_CONNECT);
    }

    private static String hostProblem(String authority) {
        if (authority.isEmpty()) {
            return "no host (" + SHAPE + ")";
        }
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && authority.indexOf(']', colon) < 0) {
            return "port '" + authority.substring(colon + 1) + "' is not a number between 1 and 65535";
        }
        return "host '" + authority + "' is not a valid host name or address";
    }

    private static String decode(String url, String text) throws SQLException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(url, "'" + text + "' is not URL-encoded correctly");
        }
    }
}
