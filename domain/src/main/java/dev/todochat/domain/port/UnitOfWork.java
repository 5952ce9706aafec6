package dev.todochat.domain.port;

/** The stores one transaction can use. Every method of every store is scoped by the owning user. */
public interface UnitOfWork {
    Conversations conversations();

    Transcript transcript();

    Tasks tasks();

    IdempotencyKeys idempotencyKeys();

    RateLimits rateLimits();
}
