package dev.todochat.llm.openai;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import javax.net.SocketFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The model client's OkHttp client: sockets with TCP_NODELAY, and a pool large enough that concurrent turns reuse
 * their connections instead of opening one per call (OkHttp keeps only 5 idle by default). Each call's attempt
 * carries its own overall timeout; connecting, and each read and write, may take no longer than the request timeout.
 */
final class Transport {
    static final int IDLE_CONNECTIONS = 64;
    static final long KEEP_ALIVE_SECONDS = 60;

    private Transport() {
    }

    static OkHttpClient create(SocketFactory sockets, Duration requestTimeout) {
        return new OkHttpClient.Builder()
                .socketFactory(new NoDelaySocketFactory(sockets))
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS))
                .connectTimeout(requestTimeout)
                .readTimeout(requestTimeout)
                .writeTimeout(requestTimeout)
                .build();
    }

    /** Releases what OkHttp holds: its dispatcher's threads and the pooled connections. */
    static void release(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
