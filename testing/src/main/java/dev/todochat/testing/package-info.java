/** Test support for todochat and its embedders: {@link dev.todochat.testing.TestPostgres}. */
package dev.todochat.testing;
