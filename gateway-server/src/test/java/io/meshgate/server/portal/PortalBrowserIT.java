package io.meshgate.server.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meshgate.server.testing.DemoGateway;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The portal page in a real browser (headless Chromium) on the demo mesh: a user logs in, searches,
 * opens a product and reads it; the page shows what that user may DESCRIBE and nothing else, and
 * shows every value as text.
 */
class PortalBrowserIT {
    @RegisterExtension
    static final DemoGateway GATEWAY = new DemoGateway(0.01);

    private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\"> <b>bold</b> & <script>document.title='pwned'</script>";
    private static HeadlessChromium browser;
    private static String portal;

    @BeforeAll
    static void startBrowser() throws Exception {
        DemoTableProperties.set(GATEWAY.server().config(), "commerce", "sales", "orders", Map.of(
                "meshgate.contact", "#commerce-data on chat",
                "meshgate.sla.freshness", "1h",
                "meshgate.access", "Ask in #commerce-data for the sales group"));
        DemoTableProperties.set(GATEWAY.server().config(), "supply", "inventory", "part", Map.of("meshgate.description", HOSTILE));
        portal = "http://127.0.0.1:" + GATEWAY.portalPort();
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void loggedOut() throws Exception {
        browser.open(portal + "/login");
        browser.deleteCookies();
        browser.open(portal + "/login");
    }

    private static void logIn(String user) throws Exception {
        browser.open(portal + "/login");
        browser.type("#user", user);
        browser.type("#password", user);
        browser.click("#login");
        browser.await("the page to be ready", () -> browser.script("return document.body.dataset.ready === 'true'").asBoolean());
    }

    private static List<String> search(String query) throws Exception {
        browser.type("#search", query);
        browser.script("document.getElementById('result-count').textContent = ''; return null");
        browser.click("#search-button");
        browser.await("search results", () -> !browser.text("#result-count").isEmpty());
        return browser.texts("#results .product-link");
    }

    private static void openProduct(String name) throws Exception {
        browser.click("#results .product-link[data-product='" + name + "']");
        browser.await("product " + name, () -> browser.text("#product-name").equals(name));
    }

    @Test
    void adminSearchesOpensAProductAndReadsItsSchemaWithTags() throws Exception {
        logIn("admin");
        assertEquals("admin", browser.text("#who"));
        assertEquals(8, browser.texts("#results .product-link").size(), "every demo product");
        assertEquals(List.of("customer.crm.nation"), search("nation n_regionkey"));

        openProduct("customer.crm.nation");
        assertEquals(List.of("n_nationkey", "n_name", "n_regionkey", "n_comment"), browser.texts("#columns .column-name"));
        String tags = browser.text("#product-tags");
        assertTrue(tags.contains("domain=customer") && tags.contains("sensitivity=internal"), tags);
        assertTrue(browser.texts("#columns .column-tags").get(0).contains("sensitivity=internal"));
        assertEquals("SELECT n_nationkey, n_name, n_regionkey, n_comment FROM customer.crm.nation LIMIT 10", browser.text("#sample-sql"));
        assertEquals("no contract results", browser.text("#product-contract"));
        String freshness = browser.text("#product-freshness");
        assertTrue(freshness.startsWith("last updated ") && freshness.endsWith(" minutes ago (within SLA)"), freshness);
        assertEquals("updated at least every 30 days", browser.text("#product-sla"), "the demo's monthly SLA for reference tables");
        assertTrue(browser.script("return document.getElementById('product-status').hidden").asBoolean(), "an active product has no status line");
        assertEquals("customer-team", browser.text("#product-owner"));
        assertEquals("customer-team@example.com", browser.text("#product-contact"));
    }

    @Test
    void samSeesNeitherHiddenProductsNorHiddenColumns() throws Exception {
        logIn("sam");
        assertEquals(List.of("commerce.sales.orders", "customer.crm.customer"), browser.texts("#results .product-link"));
        assertEquals(List.of(), search("n_regionkey"), "sam may not DESCRIBE customer.crm.nation");

        assertEquals(List.of("commerce.sales.orders"), search("orders"));
        openProduct("commerce.sales.orders");
        assertEquals(List.of("o_orderkey", "o_custkey", "o_totalprice", "o_orderdate"), browser.texts("#columns .column-name"));
        String page = browser.text("body");
        assertFalse(page.contains("o_clerk") || page.contains("o_orderpriority") || page.contains("confidential"), page);
        assertTrue(browser.text("#product-tags").contains("sensitivity=internal"));
        assertEquals("updated at least every 1 hour", browser.text("#product-sla"));
        assertEquals("2.3", browser.text("#product-version"));
        assertEquals("#commerce-data on chat", browser.text("#product-contact"));
        assertEquals("Ask in #commerce-data for the sales group", browser.text("#product-access"));
        assertEquals("SELECT o_orderkey, o_custkey, o_totalprice, o_orderdate FROM commerce.sales.orders LIMIT 10", browser.text("#sample-sql"));

        browser.open(portal + "/#/product/customer/crm/nation");
        browser.await("the not-found message", () -> browser.text("#message").contains("not found"));
        assertFalse(browser.text("body").contains("n_regionkey"), "a hidden product shows nothing of itself");
    }

    @Test
    void theDeprecatedProductSaysUntilWhenInTheResultsAndOnItsPage() throws Exception {
        logIn("admin");
        assertEquals(List.of("supply.inventory.partsupp"), search("deprecated"));
        String badge = browser.text("#results .status-badge");
        assertTrue(badge.matches("deprecated until \\d{4}-\\d{2}-\\d{2}"), badge);
        openProduct("supply.inventory.partsupp");
        assertEquals("Status: " + badge, browser.text("#product-status"));
        assertEquals("1.5", browser.text("#product-version"));
    }

    @Test
    void productValuesAreShownAsTextNeverAsMarkup() throws Exception {
        logIn("admin");
        assertEquals(List.of("supply.inventory.part"), search("pwned"));
        assertTrue(browser.text("#results .result-description").contains("<img src=x"), "the search result shows the text");
        openProduct("supply.inventory.part");
        assertEquals(HOSTILE.replaceAll("\\s+", " "), browser.text("#product-description").replaceAll("\\s+", " "));
        assertTrue(browser.script("return document.querySelectorAll('#product img, #product b, #product script, #results img').length")
                .asInt() == 0, "no element was made from a value");
        assertEquals("Data products · Meshgate", browser.script("return document.title").asText(), "no script from a value ran");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserShowTheSameMessage() throws Exception {
        browser.type("#user", "admin");
        browser.type("#password", "wrong");
        browser.click("#login");
        String wrongPassword = browser.text("#login-error");
        // The next answer must come from the next page, not from this one's message.
        browser.script("document.getElementById('login-error').remove(); return null");
        browser.type("#user", "nobody");
        browser.type("#password", "admin");
        browser.click("#login");
        assertEquals(wrongPassword, browser.text("#login-error"));
        assertEquals(PortalHandler.INVALID_CREDENTIALS, wrongPassword);
    }

    @Test
    void theSessionCookieIsOutOfScriptsReachAndLogoutEndsIt() throws Exception {
        logIn("ana");
        assertEquals("", browser.script("return document.cookie").asText(), "HttpOnly");
        browser.click("#logout");
        browser.await("the login page", () -> browser.currentUrl().endsWith("/login"));
        browser.open(portal + "/");
        assertTrue(browser.currentUrl().endsWith("/login"), "logged out: " + browser.currentUrl());
    }
}
