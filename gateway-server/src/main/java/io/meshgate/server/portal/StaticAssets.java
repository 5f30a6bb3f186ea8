package io.meshgate.server.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The portal's files (pages, stylesheet, script), read once from the classpath. Only the files
 * named here are ever served, each at one fixed path: a request path is looked up as a whole,
 * never turned into a file or resource name, so no path can reach anything else.
 */
final class StaticAssets {
    /** A file to serve: its bytes and content type. */
    record Asset(byte[] bytes, String contentType) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static final String LOGIN_PAGE = "login.html";
    static final String MAIN_PAGE = "index.html";
    /** The paths under which the stylesheet and script are served without a session. */
    static final Map<String, String> PUBLIC_PATHS = Map.of(
            "/static/portal.css", "portal.css",
            "/static/portal.js", "portal.js");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            LOGIN_PAGE, Replies.HTML,
            MAIN_PAGE, Replies.HTML,
            "portal.css", "text/css; charset=utf-8",
            "portal.js", "text/javascript; charset=utf-8");
    private static final String FOLDER = "/io/meshgate/server/portal/";

    private final Map<String, Asset> assets;

    private StaticAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** Reads every file; a missing one is a packaging error and fails the start. */
    static StaticAssets load() {
        Map<String, Asset> assets = new HashMap<>();
        CONTENT_TYPES.forEach((name, type) -> assets.put(name, new Asset(read(name), type)));
        return new StaticAssets(Map.copyOf(assets));
    }

    /** The file served at {@code path} without a session, if any. */
    Optional<Asset> publicAsset(String path) {
        return Optional.ofNullable(PUBLIC_PATHS.get(path)).map(assets::get);
    }

    Asset page(String name) {
        Asset asset = assets.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("Cannot serve page '" + name + "': not a portal page");
        }
        return asset;
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Cannot start the portal: resource " + FOLDER + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the portal: cannot read resource " + FOLDER + name, e);
        }
    }
}
