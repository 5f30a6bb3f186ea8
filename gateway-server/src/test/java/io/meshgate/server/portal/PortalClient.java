package io.meshgate.server.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Talks HTTP to a portal as a test client: logs in, sends the session cookie, and sends raw requests the JDK client would not. */
final class PortalClient {
    private static final Pattern SESSION = Pattern.compile(PortalHandler.SESSION_COOKIE + "=([^;]*)");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    PortalClient(int port) {
        this.port = port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path, Optional<String> session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        session.ifPresent(id -> request.header("Cookie", PortalHandler.SESSION_COOKIE + "=" + id));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        return get(path, Optional.of(session));
    }

    HttpResponse<String> getWithBasic(String path, String user, String password) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + credentials)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the login form, with extra headers given as name, value pairs. */
    HttpResponse<String> postLogin(String user, String password, String... headers) throws IOException, InterruptedException {
        String form = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/login")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in and returns the session id from the cookie. */
    String login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = postLogin(user, password);
        assertEquals(303, response.statusCode(), response.body());
        return sessionFrom(response).orElseThrow();
    }

    HttpResponse<String> post(String path, Optional<String> session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody());
        session.ifPresent(id -> request.header("Cookie", PortalHandler.SESSION_COOKIE + "=" + id));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Optional<String> sessionFrom(HttpResponse<String> response) {
        return response.headers().firstValue("Set-Cookie").map(SESSION::matcher).filter(Matcher::find).map(m -> m.group(1));
    }

    /** Sends {@code target} exactly as written (no normalizing of dots or escapes) and returns the whole response. */
    String raw(String method, String target, Optional<String> session) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + session.map(id -> "Cookie: " + PortalHandler.SESSION_COOKIE + "=" + id + "\r\n").orElse("") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
