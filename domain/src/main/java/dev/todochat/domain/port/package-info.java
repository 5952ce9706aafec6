/**
 * What the domain needs from the outside world, named after the domain: storage (with its transaction unit),
 * the language model, and the id source. Time comes from {@link java.time.Clock}, the JDK's own port.
 */
package dev.todochat.domain.port;
