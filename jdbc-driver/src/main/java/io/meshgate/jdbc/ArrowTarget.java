package io.meshgate.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * What a meshgate connection becomes for Arrow's Flight SQL JDBC driver: its URL, with the
 * meshgate {@code tls} switch spelled as Arrow's {@code useEncryption}, and the connection
 * properties to pass on (user, password, token and anything else, minus {@code tls}, with
 * {@code tlsRootCert} and {@code tlsVerify} in Arrow's words: see {@link MeshgateUrl}).
 */
record ArrowTarget(String url, Properties properties) {
    static final String ARROW_PREFIX = "jdbc:arrow-flight-sql://";

    ArrowTarget {
        requireNonNull(url, "url is null");
        properties = copy(requireNonNull(properties, "properties is null"));
    }

    @Override
    public Properties properties() {
        return copy(properties);
    }

    /**
     * Translates a meshgate URL and its properties. TLS is off unless the URL or the
     * {@code tls} property turns it on; the URL wins when both say.
     */
    static ArrowTarget of(MeshgateUrl url, Properties info, String originalUrl) throws SQLException {
        Properties properties = new Properties();
        Optional<Boolean> propertyTls = Optional.empty();
        for (String name : info.stringPropertyNames()) {
            String value = info.getProperty(name);
            if (name.equalsIgnoreCase(MeshgateUrl.TLS)) {
                propertyTls = Optional.of(MeshgateUrl.parseTls(value)
                        .orElseThrow(() -> MeshgateUrl.malformed(originalUrl, MeshgateUrl.tlsProblem(value) + " (property)")));
            } else if (name.equalsIgnoreCase(MeshgateUrl.ARROW_ENCRYPTION)) {
                throw MeshgateUrl.malformed(originalUrl, MeshgateUrl.encryptionProblem() + " (property)");
            } else if (name.equalsIgnoreCase(MeshgateUrl.TLS_ROOT_CERT)) {
                properties.setProperty(MeshgateUrl.ARROW_TLS_ROOT_CERTS, value);
            } else if (name.equalsIgnoreCase(MeshgateUrl.TLS_VERIFY)) {
                boolean verify = MeshgateUrl.parseTls(value)
                        .orElseThrow(() -> MeshgateUrl.malformed(originalUrl, MeshgateUrl.verifyProblem(value) + " (property)"));
                properties.setProperty(MeshgateUrl.ARROW_DISABLE_VERIFICATION, String.valueOf(!verify));
            } else {
                properties.setProperty(name, value);
            }
        }
        boolean tls = url.tls().orElse(propertyTls.orElse(false));
        StringBuilder arrowUrl = new StringBuilder(ARROW_PREFIX)
                .append(url.host()).append(':').append(url.port())
                .append('?').append(MeshgateUrl.ARROW_ENCRYPTION).append('=').append(tls);
        url.parameters().forEach(parameter -> arrowUrl.append('&').append(parameter));
        return new ArrowTarget(arrowUrl.toString(), properties);
    }

    private static Properties copy(Properties source) {
        Properties copy = new Properties();
        source.stringPropertyNames().forEach(name -> copy.setProperty(name, source.getProperty(name)));
        return copy;
    }
}
