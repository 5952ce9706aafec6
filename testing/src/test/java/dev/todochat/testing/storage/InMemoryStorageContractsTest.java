package dev.todochat.testing.storage;

import dev.todochat.domain.port.Storage;
import dev.todochat.testing.contract.ConversationsContract;
import dev.todochat.testing.contract.IdempotencyKeysContract;
import dev.todochat.testing.contract.StorageTransactionsContract;
import dev.todochat.testing.contract.TasksContract;
import dev.todochat.testing.contract.TranscriptContract;
import dev.todochat.testing.contract.TranscriptPagesContract;
import org.junit.jupiter.api.Nested;

/** The in-memory storage keeps every promise the PostgreSQL storage keeps: the same suites run against both. */
class InMemoryStorageContractsTest {
    private final InMemoryStorage storage = new InMemoryStorage();

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
