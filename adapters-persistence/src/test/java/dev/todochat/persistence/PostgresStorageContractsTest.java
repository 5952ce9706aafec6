package dev.todochat.persistence;

import dev.todochat.domain.TaskFilter;
import dev.todochat.domain.UserId;
import dev.todochat.domain.port.Storage;
import dev.todochat.testing.contract.ConversationsContract;
import dev.todochat.testing.contract.IdempotencyKeysContract;
import dev.todochat.testing.contract.StorageTransactionsContract;
import dev.todochat.testing.contract.TasksContract;
import dev.todochat.testing.contract.TranscriptContract;
import dev.todochat.testing.contract.TranscriptPagesContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract suites every storage keeps, on PostgreSQL through Jdbi (one migrated database for them all). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStorageContractsTest {
    private final PostgresDatabase database = TestDatabases.migratedFresh();
    private final Storage storage = database.storage();

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void a_transaction_holds_one_connection_and_gives_it_back() {
        UserId alice = TestDatabases.newUser("alice");
        int inside = storage.inTransaction(unit -> {
            unit.tasks().list(alice, TaskFilter.ALL);
            return database.activeConnections();
        });

        assertThat(inside).isEqualTo(1);
        assertThat(database.activeConnections()).isZero();
    }

    @Nested
    class Tasks extends TasksContract {
        @Override
        protected Storage storage() {
            return storage;
        }
    }

    @Nested
    class Conversations extends ConversationsContract {
        @Override
        protected Storage storage() {
            return storage;
        }
    }

    @Nested
    class Transcript extends TranscriptContract {
        @Override
        protected Storage storage() {
            return storage;
        }
    }

    @Nested
    class TranscriptPages extends TranscriptPagesContract {
        @Override
        protected Storage storage() {
            return storage;
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyKeysContract {
        @Override
        protected Storage storage() {
            return storage;
        }
    }

    @Nested
    class Transactions extends StorageTransactionsContract {
        @Override
        protected Storage storage() {
            return storage;
        }
    }
}
