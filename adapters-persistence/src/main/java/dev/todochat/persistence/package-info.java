/**
 * todochat on PostgreSQL: {@link dev.todochat.persistence.PostgresDatabase} gives the domain's storage port, the
 * schema migrations and an embedded server; {@link dev.todochat.persistence.DatabaseUrl} reads database URLs.
 * Everything else is in {@code internal} and may change without notice.
 */
package dev.todochat.persistence;
