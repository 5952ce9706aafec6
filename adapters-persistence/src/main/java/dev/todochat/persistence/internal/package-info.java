/** The Jdbi stores, row mappers, pool, migrations and embedded server behind {@code PostgresDatabase}. */
package dev.todochat.persistence.internal;
