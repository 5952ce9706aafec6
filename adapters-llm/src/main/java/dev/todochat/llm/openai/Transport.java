package dev.todochat.llm.openai;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import javax.net.SocketFactory;
import java.util.concurrent.TimeUnit;

/**
 * The OkHttp client handed to openai-java: sockets with TCP_NODELAY, and a pool large enough that concurrent turns
 * reuse their connections instead of opening one per call (OkHttp keeps only 5 idle by default). Timeouts and
 * retries are set on the SDK, which applies them to this client.
 */
final class Transport {
    static final int IDLE_CONNECTIONS = 64;
    static final long KEEP_ALIVE_SECONDS = 60;

    private Transport() {
    }

    static OkHttpClient create(SocketFactory sockets) {
        return new OkHttpClient.Builder()
                .socketFactory(new NoDelaySocketFactory(sockets))
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS))
                .build();
    }

    /** Releases what OkHttp holds: the SDK does not close a client it was given. */
    static void release(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
