package dev.todochat.testing;

/**
 * A PostgreSQL server the tests of this JVM use.
 *
 * @param address     where it is and how to log in as a user that may create databases
 * @param description what it is, for the one line logged when it is first used
 * @param shutdown    what stops it when the JVM exits (nothing for a server that is not ours)
 */
record DatabaseServer(ServerAddress address, String description, AutoCloseable shutdown) {
}
