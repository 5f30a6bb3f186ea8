package io.meshgate.connector.iceberg;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * An Iceberg REST catalog: its base URI and how to authenticate to it. With neither a credential
 * nor a token, requests are sent without authentication.
 *
 * @param uri             the catalog's base URI, {@code http://...} or {@code https://...} (the part before {@code /v1/})
 * @param catalogName     the name the catalog goes by in Meshgate's errors and logs
 * @param warehouse       the warehouse to ask the server for, when it serves several (the server decides what it means)
 * @param credential      OAuth2 client credentials, {@code client-id:client-secret}, exchanged for a token at the
 *                        token endpoint and renewed before it expires
 * @param token           a bearer token sent as it is
 * @param oauth2ServerUri the token endpoint, when it is not the catalog's own {@code v1/oauth/tokens}
 * @param scope           the OAuth2 scope asked for with the credential (Iceberg's default is {@code catalog})
 * @param prefix          the path prefix to use when the server's configuration gives none
 * @param s3              how to reach S3 for tables in {@code s3://}, unless the catalog hands out its own settings
 */
public record RestCatalogSpec(
        String uri,
        String catalogName,
        Optional<String> warehouse,
        Optional<String> credential,
        Optional<String> token,
        Optional<String> oauth2ServerUri,
        Optional<String> scope,
        Optional<String> prefix,
        S3Options s3) implements IcebergCatalogSpec {
    public RestCatalogSpec {
        requireNonNull(uri, "uri is null");
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(credential, "credential is null");
        requireNonNull(token, "token is null");
        requireNonNull(oauth2ServerUri, "oauth2ServerUri is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(prefix, "prefix is null");
        requireNonNull(s3, "s3 is null");
        checkHttp("uri", uri);
        oauth2ServerUri.ifPresent(server -> checkHttp("oauth2-server-uri", server));
        if (credential.isPresent() && token.isPresent()) {
            throw new IllegalArgumentException("Cannot authenticate to Iceberg REST catalog '" + catalogName
                    + "': give credential or token, not both");
        }
        if (credential.isPresent() && !isClientCredential(credential.get())) {
            throw new IllegalArgumentException("Cannot authenticate to Iceberg REST catalog '" + catalogName
                    + "': credential must be client-id:client-secret, both parts non-empty");
        }
        if (token.isPresent() && token.get().isBlank()) {
            throw new IllegalArgumentException("Cannot authenticate to Iceberg REST catalog '" + catalogName + "': token is blank");
        }
        if ((oauth2ServerUri.isPresent() || scope.isPresent()) && credential.isEmpty()) {
            throw new IllegalArgumentException("Cannot authenticate to Iceberg REST catalog '" + catalogName
                    + "': oauth2-server-uri and scope apply to a credential (give credential: client-id:client-secret)");
        }
    }

    /** {@code Iceberg REST catalog 'name' at http://...}, with any user information in the URI hidden. */
    @Override
    public String describe() {
        return "Iceberg REST catalog '" + catalogName + "' at " + CatalogUris.withoutSecrets(uri);
    }

    @Override
    public String toString() {
        return "RestCatalogSpec[uri=" + CatalogUris.withoutSecrets(uri) + ", catalogName=" + catalogName + ", warehouse=" + warehouse
                + ", credential=" + credential.map(c -> "***") + ", token=" + token.map(t -> "***")
                + ", oauth2ServerUri=" + oauth2ServerUri.map(CatalogUris::withoutSecrets) + ", scope=" + scope + ", prefix=" + prefix
                + ", s3=" + s3 + "]";
    }

    private static boolean isClientCredential(String credential) {
        int colon = credential.indexOf(':');
        return colon > 0 && colon < credential.length() - 1;
    }

    private static void checkHttp(String key, String value) {
        URI parsed;
        try {
            parsed = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot use " + key + " '" + CatalogUris.withoutSecrets(value)
                    + "': not a URI (" + e.getReason() + ")");
        }
        String scheme = parsed.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || parsed.getHost() == null) {
            throw new IllegalArgumentException("Cannot use " + key + " '" + CatalogUris.withoutSecrets(value)
                    + "': an Iceberg REST catalog needs http://host[:port][/path] or https://...");
        }
    }
}
