package io.meshgate.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogUrisTest {
    @Test
    void userInformationAndSecretParametersAreHidden() {
        assertEquals("https://***@catalog.example:8181/api", CatalogUris.withoutSecrets("https://alice:pa55@catalog.example:8181/api"));
        assertEquals("jdbc:postgresql://db:5432/iceberg?user=iceberg&password=***&ssl=true",
                CatalogUris.withoutSecrets("jdbc:postgresql://db:5432/iceberg?user=iceberg&password=pa55&ssl=true"));
        assertEquals("http://c/api?token=***;secretKey=***", CatalogUris.withoutSecrets("http://c/api?token=abc;secretKey=def"));
    }

    @Test
    void addressesWithoutSecretsAreShownAsWritten() {
        for (String uri : new String[] {"jdbc:sqlite:/srv/catalog.db", "http://127.0.0.1:8181", "https://glue.eu-west-1.amazonaws.com"}) {
            assertEquals(uri, CatalogUris.withoutSecrets(uri));
        }
    }

    @Test
    void jdbcDescriptionHidesAPasswordInTheUri() {
        JdbcCatalogSpec spec = new JdbcCatalogSpec("jdbc:postgresql://db/iceberg?password=pa55", Optional.empty(), Optional.empty(),
                "commerce", "file:///w", S3Options.defaults());
        assertEquals("Iceberg JDBC catalog 'commerce' at jdbc:postgresql://db/iceberg?password=***", spec.describe());
    }
}
