package io.meshgate.server.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshgate.engine.contract.ContractReport;
import io.meshgate.engine.contract.ContractResults;
import io.meshgate.engine.contract.ProductName;
import io.meshgate.engine.contract.RuleResult;
import io.meshgate.engine.contract.RuleStatus;
import io.meshgate.server.testing.DemoGateway;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The portal's HTTP surface on the demo mesh, as a client without a browser sees it: login and
 * sessions, the JSON API as each demo user may see it, what is refused (no session, other sites,
 * paths outside the portal's files), escaping, and {@code /metrics} after queries through Arrow's
 * Flight SQL JDBC driver.
 */
class PortalApiIT {
    @RegisterExtension
    static final DemoGateway GATEWAY = new DemoGateway(0.01);

    static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\"> & <script>alert(1)</script>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PortalClient portal;

    @BeforeAll
    static void publishProductMetadata() throws Exception {
        DemoTableProperties.set(GATEWAY.server().config(), "supply", "inventory", "part", Map.of(
                "meshgate.description", HOSTILE,
                "meshgate.owner", "Supply team",
                "meshgate.contact", "supply@example.com",
                "meshgate.sla.freshness", "24h",
                "meshgate.access", "Open a ticket in SUPPLY-ACCESS"));
        ContractResults results = new ContractResults(GATEWAY.server().config().contracts().results());
        results.store(new ContractReport(new ProductName("commerce", "sales", "orders"), "orders-uuid", OptionalLong.of(1), Instant.now(), List.of(
                new RuleResult("schema", RuleStatus.PASS, "every column as declared"),
                new RuleResult("freshness", RuleStatus.FAIL, "last update 30 minutes ago, 10 minutes allowed"))));
        results.store(new ContractReport(new ProductName("customer", "crm", "region"), "region-uuid", OptionalLong.of(1), Instant.now(),
                List.of(new RuleResult("row_count", RuleStatus.PASS, "5 rows"))));
        portal = new PortalClient(GATEWAY.portalPort());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static List<String> productNames(String session, String query) throws Exception {
        HttpResponse<String> response = portal.get("/api/products?q=" + query, session);
        assertEquals(200, response.statusCode(), response.body());
        List<String> names = new ArrayList<>();
        json(response).get("products").forEach(p -> names.add(p.get("name").asText()));
        return names;
    }

    private static List<String> columnNames(JsonNode product) {
        List<String> names = new ArrayList<>();
        product.get("columns").forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    @Test
    void withoutASessionTheApiAnswers401AndThePageSendsToTheLogin() throws Exception {
        for (String path : List.of("/api/me", "/api/products", "/api/products/customer/crm/nation", "/api/nothing")) {
            HttpResponse<String> response = portal.get(path, Optional.empty());
            assertEquals(401, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"), path);
            assertEquals(PortalHandler.LOGIN_REQUIRED, json(response).get("error").asText());
        }
        assertEquals(401, portal.get("/api/me", Optional.of("forged-session-id")).statusCode(), "an unknown session is no session");
        HttpResponse<String> page = portal.get("/", Optional.empty());
        assertEquals(303, page.statusCode());
        assertEquals("/login", page.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> metrics = portal.get("/metrics", Optional.empty());
        assertEquals(401, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic realm=\"meshgate\""));
        assertEquals(200, portal.get("/login", Optional.empty()).statusCode());
        assertEquals(200, portal.get("/static/portal.js", Optional.empty()).statusCode());
        assertEquals(200, portal.get("/static/portal.css", Optional.empty()).statusCode());
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() throws Exception {
        HttpResponse<String> wrongPassword = portal.postLogin("admin", "not-the-password");
        HttpResponse<String> unknownUser = portal.postLogin("nobody", "admin");
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownUser.statusCode());
        assertEquals(wrongPassword.body(), unknownUser.body());
        assertTrue(wrongPassword.body().contains(PortalHandler.INVALID_CREDENTIALS), wrongPassword.body());
        assertEquals(Optional.empty(), wrongPassword.headers().firstValue("Set-Cookie"));
    }

    @Test
    void loginSetsAnHttpOnlySameSiteStrictSessionCookieThatLogoutEnds() throws Exception {
        HttpResponse<String> response = portal.postLogin("ana", "ana");
        assertEquals(303, response.statusCode());
        assertEquals("/", response.headers().firstValue("Location").orElseThrow());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Max-Age=3600"), "as long as a bearer token: " + cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        String session = PortalClient.sessionFrom(response).orElseThrow();
        assertTrue(session.matches("[A-Za-z0-9_-]{43}"), "256 random bits: " + session);

        JsonNode me = json(portal.get("/api/me", session));
        assertEquals("ana", me.get("user").asText());
        assertEquals("analysts", me.get("groups").get(0).asText());

        HttpResponse<String> logout = portal.post("/logout", Optional.of(session));
        assertEquals(303, logout.statusCode());
        assertTrue(logout.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, portal.get("/api/me", session).statusCode(), "the session ended at logout");
    }

    @Test
    void aLoginFormPostedFromAnotherSiteIsRefused() throws Exception {
        HttpResponse<String> otherOrigin = portal.postLogin("admin", "admin", "Origin", "http://evil.example");
        assertEquals(403, otherOrigin.statusCode());
        assertEquals(Optional.empty(), otherOrigin.headers().firstValue("Set-Cookie"));
        assertEquals(403, portal.postLogin("admin", "admin", "Sec-Fetch-Site", "cross-site").statusCode());
        assertEquals(303, portal.postLogin("admin", "admin", "Origin", "http://127.0.0.1:" + GATEWAY.portalPort(),
                "Sec-Fetch-Site", "same-origin").statusCode(), "the portal's own form");
        assertEquals(405, portal.get("/logout", Optional.empty()).statusCode(), "logout is POST only");
    }

    @Test
    void samSeesOnlyTheProductsAndColumnsHeMayDescribe() throws Exception {
        String sam = portal.login("sam", "sam");
        assertEquals(List.of("commerce.sales.orders", "customer.crm.customer"), productNames(sam, ""));
        assertEquals(List.of(), productNames(sam, "customer.crm.nation"), "a hidden product is not found by name");
        assertEquals(List.of(), productNames(sam, "n_regionkey"), "nor by its columns");

        JsonNode orders = json(portal.get("/api/products/commerce/sales/orders", sam));
        assertEquals(List.of("o_orderkey", "o_custkey", "o_totalprice", "o_orderdate"), columnNames(orders));
        assertEquals("SELECT o_orderkey, o_custkey, o_totalprice, o_orderdate FROM commerce.sales.orders LIMIT 10",
                orders.get("sampleSql").asText());
        assertEquals("internal", orders.get("tags").get("sensitivity").get(0).asText());
        assertEquals("commerce", orders.get("tags").get("domain").get(0).asText());
        assertEquals("FAIL", orders.get("contract").get("status").asText());
        assertEquals("FAIL", orders.get("contract").get("text").asText(), "sam does not see every column, so no rule (which names columns) is named");
        assertTrue(orders.get("freshness").get("snapshotId").isNull(), "a snapshot id needs METADATA_READ and full access (B6)");
        JsonNode ordersForAdmin = json(portal.get("/api/products/commerce/sales/orders", portal.login("admin", "admin")));
        assertEquals("FAIL: freshness", ordersForAdmin.get("contract").get("text").asText(), "the failing rule is named, the passing one is not");
        assertFalse(ordersForAdmin.get("freshness").get("snapshotId").isNull(), "the snapshot queries read now");
        assertFalse(orders.get("freshness").get("updatedAt").isNull(), "the snapshot's commit time");
        assertTrue(orders.get("freshness").get("minutesSince").asLong() < 24 * 60, "the demo was loaded just now: " + orders);
        assertFalse(orders.get("freshness").get("breached").asBoolean(), "within the demo's daily SLA: " + orders);
        assertEquals(24 * 60, orders.get("sla").get("freshnessMinutes").asLong());
        assertEquals("active", orders.get("status").asText());
        JsonNode customer = json(portal.get("/api/products/customer/crm/customer", sam));
        assertTrue(customer.get("contract").get("status").isNull());
        assertEquals("no contract results", customer.get("contract").get("text").asText());
        assertFalse(orders.toString().contains("o_clerk"), "a hidden column and its tags are absent: " + orders);

        HttpResponse<String> hidden = portal.get("/api/products/customer/crm/nation", sam);
        HttpResponse<String> missing = portal.get("/api/products/customer/crm/no_such_table", sam);
        assertEquals(404, hidden.statusCode());
        assertEquals(404, missing.statusCode());
        assertEquals(json(hidden).get("error").asText().replace("nation", "X"), json(missing).get("error").asText().replace("no_such_table", "X"),
                "a hidden product answers exactly like one that does not exist");
    }

    @Test
    void anaSeesTagsOfHerVisibleColumnsOnly() throws Exception {
        String ana = portal.login("ana", "ana");
        JsonNode customer = json(portal.get("/api/products/customer/crm/customer", ana));
        List<String> columns = columnNames(customer);
        assertTrue(columns.contains("c_name"), columns.toString());
        assertFalse(columns.contains("c_phone") || columns.contains("c_address"), columns.toString());
        JsonNode name = customer.get("columns").get(columns.indexOf("c_name"));
        assertEquals("name", name.get("tags").get("pii").get(0).asText());
        String shownColumns = customer.get("columns").toString();
        assertFalse(shownColumns.contains("\"phone\"") || shownColumns.contains("\"address\"") || shownColumns.contains("confidential"),
                "no trace of the hidden columns' tags: " + shownColumns);
        assertTrue(productNames(ana, "pii").contains("customer.crm.customer"), "search finds tags");
    }

    @Test
    void productMetadataComesFromTablePropertiesAndIsEscapedInJson() throws Exception {
        String admin = portal.login("admin", "admin");
        HttpResponse<String> response = portal.get("/api/products/supply/inventory/part", admin);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
        assertFalse(response.body().contains("<") || response.body().contains(">"), response.body());
        JsonNode part = json(response);
        assertEquals(HOSTILE, part.get("description").asText());
        assertEquals("Supply team", part.get("owner").asText());
        assertEquals("supply@example.com", part.get("contact").asText());
        assertEquals(24 * 60, part.get("sla").get("freshnessMinutes").asLong(), "the table property overrides the demo's weekly SLA");
        assertEquals("Open a ticket in SUPPLY-ACCESS", part.get("access").asText());
        assertEquals("1.2", part.get("version").asText(), "fields the table properties do not set keep the demo's values");
        assertTrue(productNames(admin, "supply%20team").contains("supply.inventory.part"), "search finds owners");
    }

    @Test
    void theDeprecatedDemoProductShowsItsSunsetAndIsFoundByStatus() throws Exception {
        String admin = portal.login("admin", "admin");
        JsonNode partsupp = json(portal.get("/api/products/supply/inventory/partsupp", admin));
        assertEquals("deprecated", partsupp.get("status").asText());
        String sunset = partsupp.get("sunset").asText();
        assertTrue(LocalDate.parse(sunset).isAfter(LocalDate.now()), "the demo's sunset is a year ahead: " + sunset);
        assertEquals("deprecated until " + sunset, partsupp.get("statusText").asText());
        assertEquals("1.5", partsupp.get("version").asText(), "from the demo's product file");
        assertTrue(partsupp.get("description").asText().contains("Deprecated: read part and supplier instead."), partsupp.toString());
        assertEquals(List.of("supply.inventory.partsupp"), productNames(admin, "deprecated"));
        JsonNode part = json(portal.get("/api/products/supply/inventory/part", admin));
        assertEquals("active", part.get("statusText").asText());
    }

    @Test
    void noSecretReachesAResponse() throws Exception {
        String admin = portal.login("admin", "admin");
        String hashKey = GATEWAY.server().config().governance().hashKey().orElseThrow();
        List<String> bodies = new ArrayList<>();
        for (String path : List.of("/api/me", "/api/products", "/api/products/customer/crm/customer", "/metrics", "/")) {
            bodies.add(portal.get(path, admin).body());
        }
        for (String body : bodies) {
            assertFalse(body.contains(hashKey), "the policy hash key");
            assertFalse(body.contains("$2a$"), "a password hash");
            assertFalse(body.contains(admin), "the session id");
        }
    }

    @Test
    void noPathReachesAFileOutsideThePortalsOwn() throws Exception {
        String admin = portal.login("admin", "admin");
        for (String target : List.of("/static/../login.html", "/static/..%2f..%2f..%2fetc%2fpasswd", "/static/%2e%2e/%2e%2e/etc/passwd",
                "/static/portal.js/../../../../etc/passwd", "/static//etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
                "/static/portal.js%00.html", "/static/PORTAL.JS", "/static/index.html", "/io/meshgate/server/portal/index.html",
                "/static/../../../../../../etc/passwd", "/static/..\\..\\..\\etc\\passwd",
                "/api/products/..%2F..%2F..%2Fetc/passwd/x")) {
            for (Optional<String> session : List.of(Optional.<String>empty(), Optional.of(admin))) {
                String response = portal.raw("GET", target, session);
                String status = response.substring(0, response.indexOf("\r\n"));
                assertTrue(status.matches("HTTP/1\\.1 (400|401|404) .*"), target + ": " + status);
                assertFalse(response.contains("root:") || response.contains("<html") || response.contains("use strict"), target + ": " + response);
            }
        }
    }

    @Test
    void metricsCountQueriesRowsAndBytesServedPerProduct() throws Exception {
        String admin = portal.login("admin", "admin");
        Map<String, Double> before = samples(portal.get("/metrics", admin).body());

        assertEquals(5, queryRows("admin", "SELECT r_regionkey, r_name FROM customer.crm.region"));
        Map<String, Double> once = samples(portal.get("/metrics", admin).body());
        assertEquals(5, once.get(rows("region")) - before.getOrDefault(rows("region"), 0.0));
        assertEquals(1, once.get(completed("region")) - before.getOrDefault(completed("region"), 0.0));
        double bytesOfOneRun = once.get(bytes("region")) - before.getOrDefault(bytes("region"), 0.0);
        assertTrue(bytesOfOneRun > 0, "bytes were served");

        assertEquals(5, queryRows("admin", "SELECT r_regionkey, r_name FROM customer.crm.region"));
        assertEquals(25, queryRows("admin", "SELECT n_name, r_name FROM customer.crm.nation n JOIN customer.crm.region r ON n.n_regionkey = r.r_regionkey"));
        Map<String, Double> after = samples(portal.get("/metrics", admin).body());
        assertEquals(3, after.get(completed("region")) - before.getOrDefault(completed("region"), 0.0));
        assertEquals(5 + 5 + 25, after.get(rows("region")) - before.getOrDefault(rows("region"), 0.0), "a join counts its result for each product");
        assertEquals(25, after.get(rows("nation")) - before.getOrDefault(rows("nation"), 0.0));
        assertTrue(after.get(bytes("region")) - once.get(bytes("region")) > bytesOfOneRun, "the same query again, and a join");

        HttpResponse<String> viaBasic = portal.getWithBasic("/metrics", "admin", "admin");
        assertEquals(200, viaBasic.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", viaBasic.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(after.get(rows("nation")), samples(viaBasic.body()).get(rows("nation")));
        assertEquals(401, portal.getWithBasic("/metrics", "admin", "wrong").statusCode());

        String forAna = portal.getWithBasic("/metrics", "ana", "ana").body();
        assertTrue(forAna.contains("# TYPE meshgate_product_rows_served_total counter"), forAna);
        assertFalse(forAna.contains("served_total{domain=\"customer\",schema=\"crm\",table=\"region\"}")
                        || forAna.contains("queries_total{domain=\"customer\",schema=\"crm\",table=\"region\","),
                "ana may not read statistics (B6): " + forAna);
        assertEquals(1.0, samples(forAna).get("meshgate_product_contract_status{domain=\"customer\",schema=\"crm\",table=\"region\"}"),
                "she may DESCRIBE region: its freshness and contract status are hers to see");
        String forSam = portal.getWithBasic("/metrics", "sam", "sam").body();
        assertFalse(forSam.contains("nation") || forSam.contains("region"), "sam may not even DESCRIBE them: " + forSam);
        assertEquals(0.0, samples(forSam).get("meshgate_product_contract_status{domain=\"commerce\",schema=\"sales\",table=\"orders\"}"),
                "orders' freshness rule fails: " + forSam);
        assertTrue(samples(forSam).get("meshgate_product_freshness_minutes{domain=\"commerce\",schema=\"sales\",table=\"orders\"}") >= 0, forSam);
        assertFalse(forSam.contains("meshgate_product_contract_status{domain=\"customer\""), "customer was never checked: " + forSam);
        Map<String, Double> forAdmin = samples(viaBasic.body());
        assertEquals(1.0, forAdmin.get("meshgate_product_contract_status{domain=\"customer\",schema=\"crm\",table=\"region\"}"));
        assertEquals(8, forAdmin.keySet().stream().filter(k -> k.startsWith("meshgate_product_freshness_minutes{")).count(),
                "every demo product's update time is known: " + forAdmin);
    }

    private static String rows(String table) {
        return "meshgate_product_rows_served_total{domain=\"customer\",schema=\"crm\",table=\"" + table + "\"}";
    }

    private static String bytes(String table) {
        return "meshgate_product_bytes_served_total{domain=\"customer\",schema=\"crm\",table=\"" + table + "\"}";
    }

    private static String completed(String table) {
        return "meshgate_product_queries_total{domain=\"customer\",schema=\"crm\",table=\"" + table + "\",outcome=\"completed\"}";
    }

    private static final Pattern SAMPLE = Pattern.compile("^(\\S+\\}|\\S+) (\\S+)$", Pattern.MULTILINE);

    private static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new HashMap<>();
        Matcher matcher = SAMPLE.matcher(text);
        while (matcher.find()) {
            if (!matcher.group(1).startsWith("#")) {
                samples.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
            }
        }
        return samples;
    }

    private static int queryRows(String user, String sql) throws Exception {
        try (Connection connection = GATEWAY.connect(user); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int rows = 0;
            while (result.next()) {
                rows++;
            }
            return rows;
        }
    }
}
