package io.meshgate.engine.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.error.ErrorCode;
import io.meshgate.error.MeshgateException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeprecationsTest {
    private static final LocalDate SUNSET = LocalDate.of(2027, 6, 30);
    private static final Product ACTIVE = new Product("commerce.sales.orders", ProductFields.NONE.withOwner("commerce-team"));
    private static final Product DEPRECATED = new Product("supply.inventory.partsupp",
            ProductFields.NONE.withStatus(ProductStatus.DEPRECATED).withSunset(SUNSET).withContact("supply@example.com").withOwner("supply-team"));

    @Test
    void deprecatedProductWarnsUntilAndOnItsSunsetDate() {
        for (LocalDate day : List.of(SUNSET.minusYears(1), SUNSET.minusDays(1), SUNSET)) {
            assertTrue(DEPRECATED.deprecatedOn(day) && !DEPRECATED.retiredOn(day), day.toString());
            assertEquals(List.of("Product supply.inventory.partsupp is deprecated: it answers until its sunset on 2027-06-30,"
                    + " then queries on it fail (ask supply@example.com what replaces it)"), Deprecations.check(List.of(ACTIVE, DEPRECATED), day));
        }
    }

    @Test
    void deprecatedProductFailsTheDayAfterItsSunset() {
        assertTrue(DEPRECATED.retiredOn(SUNSET.plusDays(1)));
        assertFalse(DEPRECATED.deprecatedOn(SUNSET.plusDays(1)));
        MeshgateException e = assertThrows(MeshgateException.class, () -> Deprecations.check(List.of(ACTIVE, DEPRECATED), SUNSET.plusDays(1)));
        assertEquals(ErrorCode.PRODUCT_RETIRED, e.code());
        assertEquals("Cannot query supply.inventory.partsupp: the product was retired after its sunset on 2027-06-30"
                + " (ask supply@example.com what replaces it)", e.getMessage());
    }

    @Test
    void sunsetDateAloneDeprecatesAndThenRetiresWhateverTheStatus() {
        Product announced = new Product("customer.crm.region", ProductFields.NONE.withStatus(ProductStatus.ACTIVE).withSunset(SUNSET));
        assertEquals(List.of("Product customer.crm.region is deprecated: it answers until its sunset on 2027-06-30, then queries on it fail"),
                Deprecations.check(List.of(announced), SUNSET));
        assertThrows(MeshgateException.class, () -> Deprecations.check(List.of(announced), SUNSET.plusDays(1)));
    }

    @Test
    void deprecatedWithoutSunsetWarnsForever() {
        Product noSunset = new Product("customer.crm.nation", ProductFields.NONE.withStatus(ProductStatus.DEPRECATED).withOwner("crm-team"));
        assertEquals(List.of("Product customer.crm.nation is deprecated (ask crm-team what replaces it)"),
                Deprecations.check(List.of(noSunset), LocalDate.of(2999, 1, 1)));
    }

    @Test
    void retiredStatusFailsWithoutASunset() {
        Product retired = new Product("customer.crm.nation", ProductFields.NONE.withStatus(ProductStatus.RETIRED));
        MeshgateException e = assertThrows(MeshgateException.class, () -> Deprecations.check(List.of(retired), LocalDate.of(2000, 1, 1)));
        assertEquals("Cannot query customer.crm.nation: the product is retired (ask its owners what replaces it)", e.getMessage());
    }

    @Test
    void activeAndDraftProductsCarryNoWarning() {
        Product draft = new Product("a.b.c", ProductFields.NONE.withStatus(ProductStatus.DRAFT));
        assertEquals(List.of(), Deprecations.check(List.of(ACTIVE, draft, new Product("a.b.d", ProductFields.NONE)), SUNSET));
        assertEquals(ProductStatus.ACTIVE, new Product("a.b.d", ProductFields.NONE).status(), "no status is active");
    }
}
