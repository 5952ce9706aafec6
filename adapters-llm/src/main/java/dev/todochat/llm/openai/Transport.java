package dev.todochat.llm.openai;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import javax.net.SocketFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The model client's HTTP connections: OkHttp clients with TCP_NODELAY sockets, whose connections are kept in
 * {@value #SHARDS} pools, each call taking one pool at random. Each attempt carries its own overall timeout;
 * connecting, and each read and write, may take no longer than the request timeout.
 *
 * <p>Why several pools: a model server that speaks HTTP/1.1 (a local one, or the benchmark's stub) needs one
 * connection per call in flight, and a model takes seconds, so 200 calls a second keep about 2,000 connections open.
 * OkHttp's pool looks through every connection it holds to find one for a call, and again to tidy up whenever one
 * goes idle: with 2,000 in one pool that was 15 % of the server's CPU. Split in {@value #SHARDS}, each look is that
 * much shorter. Each pool keeps up to {@value #IDLE_PER_POOL} idle connections for a minute (OkHttp keeps 5 by
 * default), so that concurrent turns reuse connections rather than open one per call. Over HTTP/2 (OpenAI itself)
 * calls share a connection and the pools stay small either way.
 */
final class Transport implements AutoCloseable {
    static final int SHARDS = 32;
    static final int IDLE_PER_POOL = 8;
    static final long KEEP_ALIVE_SECONDS = 60;

    private final List<OkHttpClient> clients;

    private Transport(List<OkHttpClient> clients) {
        this.clients = clients;
    }

    static Transport create(SocketFactory sockets, Duration requestTimeout) {
        OkHttpClient base = new OkHttpClient.Builder()
                .socketFactory(new NoDelaySocketFactory(sockets))
                .connectTimeout(requestTimeout)
                .readTimeout(requestTimeout)
                .writeTimeout(requestTimeout)
                .build();
        return new Transport(IntStream.range(0, SHARDS)
                .mapToObj(shard -> base.newBuilder()
                        .connectionPool(new ConnectionPool(IDLE_PER_POOL, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS))
                        .build())
                .toList());
    }

    /** The client for one call. */
    OkHttpClient client() {
        return clients.get(ThreadLocalRandom.current().nextInt(SHARDS));
    }

    /** Releases what OkHttp holds: the dispatcher's threads (shared by all pools) and the pooled connections. */
    @Override
    public void close() {
        clients.getFirst().dispatcher().executorService().shutdown();
        clients.forEach(client -> client.connectionPool().evictAll());
    }
}
