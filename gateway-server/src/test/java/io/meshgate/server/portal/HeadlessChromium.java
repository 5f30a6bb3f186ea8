package io.meshgate.server.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshgate.server.testing.TempFolders;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A headless Chromium for end-to-end tests of the portal page, driven through chromedriver's W3C
 * WebDriver HTTP API: {@code /usr/bin/chromedriver} is started on a free local port and opens
 * {@code /usr/bin/chromium} with a fresh profile. Nothing is downloaded: {@link #start} first runs
 * {@code src/test/scripts/ensure-chromium.sh}, which installs the Debian packages when missing.
 * {@link #close()} ends the browser, stops chromedriver and deletes the profile.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path ENSURE_SCRIPT = Path.of("src/test/scripts/ensure-chromium.sh");
    /** What chromedriver says, for when a test fails. */
    static final Path DRIVER_LOG = Path.of("target/chromedriver.log");
    /** Flags that work on a CI machine or a container: no sandbox, no GPU, no network of its own. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1280,900");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An element of the page, by its WebDriver id. */
    record Element(String id) {
    }

    private final Process driver;
    private final Path profile;
    private final String base;
    private final String session;
    private final HttpClient http = HttpClient.newHttpClient();

    private HeadlessChromium(Process driver, Path profile, String base, String session) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
        this.session = session;
    }

    static HeadlessChromium start() throws Exception {
        ensureInstalled();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path profile = Files.createTempDirectory("meshgate-chromium-");
        Process driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(DRIVER_LOG.toFile())
                .start();
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newHttpClient();
            awaitReady(http, base, driver);
            ObjectNode options = JSON.createObjectNode().put("binary", CHROMIUM.toString());
            ArrayNode args = options.putArray("args");
            FLAGS.forEach(args::add);
            args.add("--user-data-dir=" + profile);
            ObjectNode capabilities = JSON.createObjectNode();
            capabilities.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome").set("goog:chromeOptions", options);
            JsonNode created = call(http, "POST", base + "/session", capabilities);
            return new HeadlessChromium(driver, profile, base, created.get("sessionId").asText());
        } catch (Exception | Error e) {
            stop(driver);
            TempFolders.delete(profile);
            throw e;
        }
    }

    private static void ensureInstalled() throws IOException, InterruptedException {
        Process script = new ProcessBuilder("bash", ENSURE_SCRIPT.toString()).redirectErrorStream(true).start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (script.waitFor() != 0) {
            throw new IllegalStateException("Cannot run the browser tests: " + ENSURE_SCRIPT + " failed:\n" + output);
        }
    }

    private static void awaitReady(HttpClient http, String base, Process driver) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (!driver.isAlive()) {
                throw new IllegalStateException("chromedriver exited with " + driver.exitValue());
            }
            try {
                if (call(http, "GET", base + "/status", null).path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not become ready within " + WAIT);
    }

    void open(String url) throws Exception {
        command("POST", "/url", JSON.createObjectNode().put("url", url));
    }

    String currentUrl() throws Exception {
        return command("GET", "/url", null).asText();
    }

    List<Element> findAll(String css) throws Exception {
        JsonNode found = command("POST", "/elements", JSON.createObjectNode().put("using", "css selector").put("value", css));
        List<Element> elements = new ArrayList<>();
        found.forEach(node -> elements.add(new Element(node.get(ELEMENT).asText())));
        return elements;
    }

    /** The first element matching {@code css}, waiting for it to appear. */
    Element find(String css) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            List<Element> found = findAll(css);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No element matches '" + css + "' after " + WAIT + " on " + currentUrl() + ", which shows: " + shown());
            }
            Thread.sleep(100);
        }
    }

    /** The text of the element as the user sees it (hidden elements have none). */
    String text(Element element) throws Exception {
        return command("GET", "/element/" + element.id() + "/text", null).asText();
    }

    /**
     * The text of the first element matching {@code css}, waiting for it to appear; found again
     * when the page replaced it in between (a posted form loads a new page).
     */
    String text(String css) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            try {
                return text(find(css));
            } catch (IllegalStateException e) {
                if (!String.valueOf(e.getMessage()).contains("stale element") || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    List<String> texts(String css) throws Exception {
        List<String> texts = new ArrayList<>();
        for (Element element : findAll(css)) {
            texts.add(text(element));
        }
        return texts;
    }

    void type(String css, String text) throws Exception {
        Element element = find(css);
        command("POST", "/element/" + element.id() + "/clear", JSON.createObjectNode());
        command("POST", "/element/" + element.id() + "/value", JSON.createObjectNode().put("text", text));
    }

    void click(String css) throws Exception {
        command("POST", "/element/" + find(css).id() + "/click", JSON.createObjectNode());
    }

    /** Runs {@code body} (a function body: use {@code return}) in the page and returns its JSON result. */
    JsonNode script(String body) throws Exception {
        ObjectNode request = JSON.createObjectNode().put("script", body);
        request.putArray("args");
        return command("POST", "/execute/sync", request);
    }

    void deleteCookies() throws Exception {
        command("DELETE", "/cookie", null);
    }

    /** Waits until {@code condition} holds, checking every 100 ms. */
    void await(String what, ThrowingCondition condition) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + WAIT + " for " + what + " on " + currentUrl() + ", which shows: " + shown());
            }
            Thread.sleep(100);
        }
    }

    /** The start of the page's text, for failure messages. */
    private String shown() throws Exception {
        String text = script("return document.body ? document.body.innerText : ''").asText();
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }

    /** A condition that may need the browser to answer. */
    @FunctionalInterface
    interface ThrowingCondition {
        boolean holds() throws Exception;
    }

    @Override
    public void close() throws IOException {
        try {
            command("DELETE", "", null);
        } catch (Exception e) {
            // the browser is gone already; stopping chromedriver below ends what is left
        } finally {
            stop(driver);
            TempFolders.delete(profile);
        }
    }

    private JsonNode command(String method, String path, JsonNode body) throws Exception {
        return call(http, method, base + "/session/" + session + path, body);
    }

    private static JsonNode call(HttpClient http, String method, String url, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json; charset=utf-8").method(method, publisher).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + url + " failed: " + value.path("error").asText() + ": "
                    + value.path("message").asText());
        }
        return value;
    }

    /** Stops chromedriver and any browser process it left. */
    private static void stop(Process driver) {
        List<ProcessHandle> children = driver.descendants().toList();
        driver.destroy();
        try {
            if (!driver.waitFor(5, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            driver.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
