package io.meshgate.engine.product;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What reading data products means on a given day: a query on a retired product fails with
 * PRODUCT_RETIRED; a query on a deprecated product answers, with one warning per such product for
 * the client.
 */
public final class Deprecations {
    private Deprecations() {
    }

    /**
     * The warnings a query reading {@code products} carries on {@code today}, in order.
     *
     * @throws MeshgateException PRODUCT_RETIRED naming the first retired product
     */
    public static List<String> check(Collection<Product> products, LocalDate today) {
        List<String> warnings = new ArrayList<>();
        for (Product product : products) {
            if (product.retiredOn(today)) {
                throw retired(product);
            }
            if (product.deprecatedOn(today)) {
                warnings.add(warning(product));
            }
        }
        return warnings;
    }

    static String warning(Product product) {
        return "Product " + product.name() + " is deprecated"
                + product.sunset().map(day -> ": it answers until its sunset on " + day + ", then queries on it fail").orElse("")
                + product.whomToAsk().map(whom -> " (ask " + whom + " what replaces it)").orElse("");
    }

    private static MeshgateException retired(Product product) {
        String why = product.sunset().filter(day -> product.status() != ProductStatus.RETIRED)
                .map(day -> "the product was retired after its sunset on " + day)
                .orElse("the product is retired");
        return new MeshgateException(ErrorCode.PRODUCT_RETIRED, "Cannot query " + product.name() + ": " + why
                + product.whomToAsk().map(whom -> " (ask " + whom + " what replaces it)").orElse(" (ask its owners what replaces it)"));
    }
}
