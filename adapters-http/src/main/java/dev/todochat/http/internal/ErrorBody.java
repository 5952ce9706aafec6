package dev.todochat.http.internal;

/** Every error answer of the API: a kind to switch on and a sentence to show. */
public record ErrorBody(String error, String details) {
}
