package io.meshgate.server.portal;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * The portal's responses, each with the same protective headers: nothing is cached, the page may
 * load only its own scripts and styles and may not be framed, and browsers take the content type
 * as given.
 */
final class Replies {
    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private Replies() {
    }

    static FullHttpResponse of(HttpResponseStatus status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static FullHttpResponse of(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        headers.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY");
        headers.set("Referrer-Policy", "same-origin");
        return response;
    }

    static FullHttpResponse json(HttpResponseStatus status, String body) {
        return of(status, JSON, body);
    }

    static FullHttpResponse jsonError(HttpResponseStatus status, String message) {
        return json(status, ProductJson.error(message));
    }

    static FullHttpResponse text(HttpResponseStatus status, String message) {
        return of(status, TEXT, message + "\n");
    }

    /** 303 See Other: after a form post, the browser GETs {@code location}. */
    static FullHttpResponse redirect(String location) {
        FullHttpResponse response = of(HttpResponseStatus.SEE_OTHER, TEXT, "See " + location + "\n");
        response.headers().set(HttpHeaderNames.LOCATION, location);
        return response;
    }
}
