package dev.todochat.llm.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper of the model adapter: requests, replies and tool arguments. Its buffers come from a pool
 * shared by all threads rather than one per thread, which is Jackson's default: every turn runs on a new virtual
 * thread, which would allocate its own buffers and keep them for as long as the turn waits for the model.
 */
final class WireJson {
    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build()).build();

    private WireJson() {
    }
}
