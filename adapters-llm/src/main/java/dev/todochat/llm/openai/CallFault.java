package dev.todochat.llm.openai;

import okhttp3.Headers;

/**
 * What went wrong with a call the service did answer, before {@link Faults} makes it a {@code ModelFailure}. The
 * messages are fixed sentences: none holds the service's words, which may quote the key.
 */
abstract sealed class CallFault extends RuntimeException permits CallFault.Answered, CallFault.Unreadable,
        CallFault.StreamFailed {
    private static final long serialVersionUID = 1L;

    private CallFault(String message) {
        super(message, null, false, false);
    }

    /** The service answered with an error status; its error object's type and code, when it sent them. */
    static final class Answered extends CallFault {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient Headers headers;
        private final String type;
        private final String code;

        Answered(int status, Headers headers, String type, String code) {
            super("the model service answered HTTP " + status);
            this.status = status;
            this.headers = headers;
            this.type = type;
            this.code = code;
        }

        int status() {
            return status;
        }

        Headers headers() {
            return headers;
        }

        /** The error's {@code type}, or null. */
        String type() {
            return type;
        }

        /** The error's {@code code}, or null. */
        String code() {
            return code;
        }
    }

    /** The reply was not a chat completion this client can read. */
    static final class Unreadable extends CallFault {
        private static final long serialVersionUID = 1L;

        Unreadable(String what) {
            super(what);
        }
    }

    /** The stream carried an error event. */
    static final class StreamFailed extends CallFault {
        private static final long serialVersionUID = 1L;

        StreamFailed() {
            super("the stream carried an error");
        }
    }
}
