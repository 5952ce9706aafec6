package dev.todochat.http.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The chat page at {@code /}: one HTML file, one script and one style sheet from this jar, with no build step and
 * nothing from other sites. Every answer carries a Content-Security-Policy that allows scripts, styles and requests
 * from this origin only and no inline script, so that even a message that slipped into the page as markup could not
 * run.
 */
final class WebPage {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String FOLDER = "/dev/todochat/http/web/";
    private static final String DEV_SIGN_IN_OFF = "data-dev-sign-in=\"off\"";

    private final byte[] html;
    private final byte[] script;
    private final byte[] style;
    private final byte[] icon;

    /** @param devSignIn whether the page offers the development sign-in (the server must install it too) */
    WebPage(boolean devSignIn) {
        String page = text("index.html");
        if (!page.contains(DEV_SIGN_IN_OFF)) {
            throw new IllegalStateException("index.html lacks the " + DEV_SIGN_IN_OFF + " switch");
        }
        this.html = (devSignIn ? page.replace(DEV_SIGN_IN_OFF, "data-dev-sign-in=\"on\"") : page)
                .getBytes(StandardCharsets.UTF_8);
        this.script = bytes("app.js");
        this.style = bytes("app.css");
        this.icon = bytes("favicon.svg");
    }

    void install(RoutesConfig routes) {
        routes.get("/", ctx -> serve(ctx, "text/html; charset=utf-8", html));
        routes.get("/app.js", ctx -> serve(ctx, "text/javascript; charset=utf-8", script));
        routes.get("/app.css", ctx -> serve(ctx, "text/css; charset=utf-8", style));
        routes.get("/favicon.svg", ctx -> serve(ctx, "image/svg+xml", icon));
    }

    private static void serve(Context ctx, String contentType, byte[] body) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .contentType(contentType)
                .result(body);
    }

    private static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = WebPage.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the page's file " + FOLDER + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page's file " + name, e);
        }
    }
}
