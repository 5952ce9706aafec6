package dev.todochat.http.internal;

import dev.todochat.application.TodoChat;
import dev.todochat.application.UserConversations;
import dev.todochat.domain.ConversationCursor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * The user's conversations as REST resources: {@code GET /api/{user_id}/conversations} (newest first, by cursor),
 * {@code GET|DELETE /api/{user_id}/conversations/{conversation_id}} and {@code GET
 * /api/{user_id}/conversations/{conversation_id}/messages} (in order, by {@code seq}).
 */
final class ConversationRoutes {
    private static final String CONVERSATIONS = "/api/{user_id}/conversations";
    private static final String CONVERSATION = CONVERSATIONS + "/{conversation_id}";

    private final TodoChat chat;
    private final Authentication authentication;

    ConversationRoutes(TodoChat chat, Authentication authentication) {
        this.chat = chat;
        this.authentication = authentication;
    }

    void install(RoutesConfig routes) {
        routes.get(CONVERSATIONS, this::list);
        routes.get(CONVERSATION, ctx -> ctx.json(ConversationJson.of(conversations(ctx).get(Params.conversationId(ctx)))));
        routes.delete(CONVERSATION, this::delete);
        routes.get(CONVERSATION + "/messages", this::messages);
    }

    private void list(Context ctx) {
        UserConversations conversations = conversations(ctx);
        Optional<ConversationCursor> after = Optional.ofNullable(ctx.queryParam("cursor")).map(ConversationCursor::parse);
        int limit = Params.count(ctx, "limit", UserConversations.DEFAULT_PAGE);
        ctx.json(ConversationJson.Listing.of(conversations.list(after, limit)));
    }

    private void messages(Context ctx) {
        UserConversations conversations = conversations(ctx);
        var id = Params.conversationId(ctx);
        long after = Params.seq(ctx, "after");
        int limit = Params.count(ctx, "limit", UserConversations.DEFAULT_MESSAGES);
        ctx.json(MessageJson.Listing.of(conversations.messages(id, after, limit)));
    }

    private void delete(Context ctx) {
        UserConversations conversations = conversations(ctx);
        conversations.delete(Params.conversationId(ctx));
        ctx.status(204);
    }

    /** The caller's conversations; authentication and the path's user are checked before anything else is read. */
    private UserConversations conversations(Context ctx) {
        return chat.conversations(PathOwner.of(authentication, ctx));
    }
}
