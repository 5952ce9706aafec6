// todochat's page: plain JavaScript, no build step, nothing from other sites. Everything a user or the model wrote is
// put on the page with textContent, never as markup.
"use strict";

(() => {
  const TOKEN_KEY = "todochat.token";
  const DRAFT_KEY = "todochat.draft";
  const conversationKey = (user) => "todochat.conversation." + user;

  const $ = (id) => document.getElementById(id);
  const state = { token: null, user: null, conversation: null, olderCursor: null, busy: false };

  /** A refused request or a network failure, with the words to show for it. */
  class Failure extends Error {
    constructor(status, kind, details, retryAfter) {
      super(details || kind || "request failed");
      this.status = status;
      this.kind = kind;
      this.details = details;
      this.retryAfter = retryAfter;
    }
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // ---- the API -------------------------------------------------------------------------------------------------

  async function api(method, path, body) {
    const response = await request(method, path, body);
    if (response.status === 204) return null;
    if (!response.ok) throw await failureOf(response);
    return response.json().catch(() => null);
  }

  async function request(method, path, body) {
    const headers = { Authorization: "Bearer " + state.token };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    try {
      return await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (networkError) {
      throw new Failure(0, "Network", "the server cannot be reached");
    }
  }

  async function failureOf(response) {
    const data = await response.json().catch(() => null);
    const retryAfter = Number.parseInt(response.headers.get("Retry-After") || "", 10);
    return new Failure(response.status, data && data.error, data && data.details,
      Number.isFinite(retryAfter) ? retryAfter : null);
  }

  /** The status an error event of a stream stands for, so it is explained like the same refusal of /chat. */
  const STREAM_ERROR_STATUS = { ModelError: 502, ModelUnavailable: 503, ModelTimeout: 504, TurnTimeout: 504,
    DatabaseUnavailable: 503, ServerBusy: 503, Conflict: 409 };

  /**
   * One chat turn over /chat/stream. Each conversation, tool_call and delta event goes to onEvent as it arrives; the
   * promise resolves with the done event's body, which is what /chat would have answered. A refusal before the stream
   * begins is an ordinary JSON error; an error event, or a connection lost before done, is a Failure too.
   */
  async function streamTurn(path, body, onEvent) {
    const response = await request("POST", path, body);
    if (!response.ok || !(response.headers.get("Content-Type") || "").startsWith("text/event-stream")) {
      throw await failureOf(response);
    }
    const lost = () => new Failure(0, "Network", "the connection was lost before the answer arrived");
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (networkError) {
        throw lost();
      }
      if (chunk.done) throw lost();
      buffer += chunk.value;
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = "message";
        let data = "";
        for (const line of block.split("\n")) {
          if (line.startsWith("event: ")) name = line.slice(7);
          else if (line.startsWith("data: ")) data += line.slice(6);
        }
        const payload = JSON.parse(data);
        if (name === "done") return payload;
        if (name === "error") {
          throw new Failure(STREAM_ERROR_STATUS[payload.error] || 500, payload.error, payload.details,
            payload.retry_after || null);
        }
        onEvent(name, payload);
      }
    }
  }

  const userPath = (rest) => "/api/" + encodeURIComponent(state.user) + rest;

  function seconds(n) {
    return n === 1 ? "1 second" : n + " seconds";
  }

  /** What went wrong, in words a person can act on. */
  function explain(failure) {
    const wait = failure.retryAfter ? "Please wait " + seconds(failure.retryAfter) + ", then try again." : "";
    switch (failure.status) {
      case 0: return "The server cannot be reached. Check your connection and try again.";
      case 401: return "Your sign-in has expired or is not valid. Please sign in again.";
      case 403: return "This page is signed in as a different user. Please sign in again.";
      case 404: return failure.kind === "NotFound" && /conversation/.test(failure.details || "")
        ? "This conversation no longer exists. Send again to start a new one."
        : "That was not found.";
      case 409: return "This conversation is still busy with your previous message. " + (wait || "Please try again shortly.");
      case 413: return "That message is too long.";
      case 429: return "You are sending messages too quickly. " + (wait || "Please wait a little, then try again.");
      case 502: return "The model is unavailable (it answered with an error). Please try again.";
      case 503:
        if (failure.kind === "DatabaseUnavailable") {
          return "The server cannot reach its database. " + (wait || "Please try again shortly.");
        }
        if (failure.kind === "ServerBusy") return "The server is busy right now. " + (wait || "Please try again shortly.");
        return "The model is unavailable right now. " + (wait || "Please try again.");
      case 504: return "The model is unavailable (it did not answer in time). Please try again.";
      default:
        if (failure.status >= 400 && failure.status < 500) return "That was not accepted: " + failure.details;
        return "Something went wrong on the server. Please try again." + (failure.details ? " (" + failure.details + ")" : "");
    }
  }

  // ---- signing in ----------------------------------------------------------------------------------------------

  /** The token's subject and expiry, read without checking the signature (the server checks it). */
  function claims(token) {
    const part = token.split(".")[1];
    if (!part) throw new Error("not a JWT");
    const base64 = part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "=");
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  function signIn(token) {
    let payload;
    try {
      payload = claims(token);
    } catch (e) {
      return showSignIn("That is not a token this page can use.");
    }
    if (typeof payload.sub !== "string" || payload.sub === "") {
      return showSignIn("That token does not name a user (it has no sub).");
    }
    if (typeof payload.exp === "number" && payload.exp * 1000 < Date.now()) {
      return showSignIn("That token has expired. Please sign in again.");
    }
    state.token = token;
    state.user = payload.sub;
    sessionStorage.setItem(TOKEN_KEY, token);
    startApp();
  }

  function signOut(reason) {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    state.user = null;
    state.conversation = null;
    showSignIn(reason || "");
  }

  function showSignIn(message) {
    $("app").hidden = true;
    $("who").hidden = true;
    $("sign-out").hidden = true;
    $("sign-in").hidden = false;
    $("sign-in-error").textContent = message || "";
    const devSignIn = document.body.dataset.devSignIn === "on";
    $("dev-form").hidden = !devSignIn;
    (devSignIn ? $("user") : $("token")).focus();
  }

  async function devSignIn(event) {
    event.preventDefault();
    const name = $("user").value.trim();
    if (!name) return;
    try {
      const response = await fetch("/api/dev/token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ user: name }),
      });
      const data = await response.json().catch(() => null);
      if (!response.ok) {
        $("sign-in-error").textContent = response.status === 400 && data
          ? "That name cannot be used: " + data.details + "."
          : "The development sign-in is not available on this server; use a token.";
        return;
      }
      signIn(data.token);
    } catch (e) {
      $("sign-in-error").textContent = "The server cannot be reached. Check your connection and try again.";
    }
  }

  function tokenSignIn(event) {
    event.preventDefault();
    const token = $("token").value.trim().replace(/^Bearer\s+/i, "");
    if (token) signIn(token);
  }

  /** A token handed over in the address as #token=..., taken out of the address at once. */
  function tokenFromAddress() {
    const match = /^#token=([^&]+)/.exec(window.location.hash);
    if (!match) return null;
    history.replaceState(null, "", window.location.pathname + window.location.search);
    return decodeURIComponent(match[1]);
  }

  // ---- the chat ------------------------------------------------------------------------------------------------

  function startApp() {
    $("sign-in").hidden = true;
    $("app").hidden = false;
    $("who").hidden = false;
    $("sign-out").hidden = false;
    $("who-name").textContent = state.user;
    $("token").value = "";
    const draft = sessionStorage.getItem(DRAFT_KEY);
    if (draft) {
      $("message").value = draft;
      sessionStorage.removeItem(DRAFT_KEY);
    }
    const remembered = localStorage.getItem(conversationKey(state.user));
    refreshConversations();
    refreshTasks();
    if (remembered) {
      openConversation(remembered);
    } else {
      newConversation();
    }
    $("message").focus();
  }

  function failed(failure, where) {
    if (failure.status === 401 || failure.status === 403) {
      const draft = $("message").value;
      if (draft) sessionStorage.setItem(DRAFT_KEY, draft);
      signOut(explain(failure));
      return;
    }
    where.textContent = explain(failure);
  }

  function rememberConversation(id) {
    state.conversation = id;
    if (id) {
      localStorage.setItem(conversationKey(state.user), id);
    } else {
      localStorage.removeItem(conversationKey(state.user));
    }
    for (const button of $("conversation-list").querySelectorAll("button")) {
      button.setAttribute("aria-current", String(button.dataset.id === id));
    }
  }

  function newConversation() {
    if (state.busy) return;
    rememberConversation(null);
    $("chat-title").textContent = "New conversation";
    $("messages").replaceChildren();
    $("error").textContent = "";
    $("message").focus();
  }

  async function openConversation(id) {
    if (state.busy) return;
    $("error").textContent = "";
    try {
      const conversation = await api("GET", userPath("/conversations/" + encodeURIComponent(id)));
      const messages = [];
      let after = 0;
      do {
        const page = await api("GET", userPath("/conversations/" + encodeURIComponent(id) + "/messages?after=" + after));
        messages.push(...page.messages);
        after = page.next_after;
      } while (after !== null);
      rememberConversation(id);
      $("chat-title").textContent = conversation.title;
      $("messages").replaceChildren(...transcript(messages));
      scrollToEnd();
    } catch (failure) {
      if (failure.status === 404 || failure.status === 400) {
        newConversation();
        return;
      }
      failed(failure, $("error"));
    }
  }

  /** The transcript as list items: what the user and the assistant said, and each turn's tool calls together. */
  function transcript(messages) {
    const items = [];
    let calls = new Map();
    let steps = [];
    const flush = () => {
      if (steps.length) items.push(toolCalls(steps));
      steps = [];
      calls = new Map();
    };
    for (const message of messages) {
      if (message.role === "user") {
        flush();
        items.push(bubble("user", message.content));
      } else if (message.role === "assistant") {
        for (const call of message.tool_calls || []) calls.set(call.id, call);
        if (!message.tool_calls) flush();
        if (message.content) items.push(bubble("assistant", message.content));
      } else if (message.role === "tool") {
        const call = calls.get(message.tool_call_id);
        steps.push({ tool: message.tool_name, input: call ? call.arguments : {}, result: message.result,
          isError: message.is_error });
      }
    }
    flush();
    return items;
  }

  function bubble(role, text) {
    const item = element("li", "message " + role);
    item.append(element("p", "author", role === "user" ? "You" : "Assistant"), element("p", "text", text));
    return item;
  }

  /** One turn's tool calls, folded: each tool with its input and its result. */
  function toolCalls(steps) {
    const item = element("li", "tools");
    const details = element("details");
    details.append(element("summary", null, steps.length === 1 ? "1 tool call" : steps.length + " tool calls"));
    const list = element("ol");
    for (const step of steps) {
      const isError = step.isError === true;
      const entry = element("li", isError ? "failed" : null);
      entry.append(element("strong", null, step.tool + (isError ? " (failed)" : "")),
        element("p", "hint", "Input"), element("pre", null, JSON.stringify(step.input, null, 2)),
        element("p", "hint", "Result"), element("pre", null, JSON.stringify(step.result, null, 2)));
      list.append(entry);
    }
    details.append(list);
    item.append(details);
    return item;
  }

  function scrollToEnd() {
    const list = $("messages");
    list.scrollTop = list.scrollHeight;
  }

  function setBusy(busy) {
    state.busy = busy;
    $("messages").setAttribute("aria-busy", String(busy));
    $("send").disabled = busy;
    $("status").textContent = busy ? "The assistant is working on it…" : "";
    $("status").classList.toggle("working", busy);
  }

  const stepOf = (call) => ({ tool: call.tool, input: call.input, result: call.result,
    isError: Boolean(call.result && "error" in call.result) });

  async function send(event) {
    event.preventDefault();
    const text = $("message").value;
    if (state.busy || !text.trim()) return;
    $("error").textContent = "";
    const pending = bubble("user", text.trim());
    pending.classList.add("pending");
    $("messages").append(pending);
    scrollToEnd();
    setBusy(true);
    // What the turn shows while it runs: its tools as each round is committed, and the text as it is written.
    const live = { steps: [], tools: null, draft: null };
    try {
      const body = { message: text };
      if (state.conversation) body.conversation_id = state.conversation;
      const turn = await streamTurn(userPath("/chat/stream"), body, (name, data) => {
        // Known before the model speaks: a reload after a lost connection opens this transcript.
        if (name === "conversation") {
          rememberConversation(data.conversation_id);
        } else if (name === "tool_call") {
          // Words the model wrote before calling tools are not its answer: the answer is written after them.
          if (live.draft) live.draft.remove();
          live.draft = null;
          live.steps.push(stepOf(data));
          const panel = toolCalls(live.steps);
          if (live.tools) live.tools.replaceWith(panel);
          else $("messages").append(panel);
          live.tools = panel;
          $("status").textContent = "Ran " + data.tool + "… still working on it";
          refreshTasks();
        } else if (name === "delta") {
          if (!live.draft) {
            live.draft = element("li", "message draft");
            live.draft.append(element("p", "author", "Assistant"), element("p", "text", ""));
            $("messages").append(live.draft);
          }
          live.draft.querySelector(".text").textContent += data.text;
        }
        scrollToEnd();
      });
      pending.classList.remove("pending");
      // The live panel already lists exactly the turn's tools (and may be open): it stays as it is.
      if (live.tools && live.steps.length !== turn.tool_calls.length) {
        live.tools.remove();
        live.tools = null;
      }
      if (!live.tools && turn.tool_calls.length) $("messages").append(toolCalls(turn.tool_calls.map(stepOf)));
      if (live.draft) live.draft.remove();
      $("messages").append(bubble("assistant", turn.response));
      $("message").value = "";
      rememberConversation(turn.conversation_id);
      scrollToEnd();
    } catch (failure) {
      pending.remove();
      // Tools that ran stay on the page: they were committed, whatever happened after.
      if (live.draft) live.draft.remove();
      if (failure.status === 404 && state.conversation) newConversationKeepingDraft();
      failed(failure, $("error"));
    } finally {
      setBusy(false);
      if (state.token) {
        refreshConversations();
        refreshTasks();
        $("message").focus();
      }
    }
  }

  function newConversationKeepingDraft() {
    rememberConversation(null);
    $("chat-title").textContent = "New conversation";
    $("messages").replaceChildren();
  }

  function sendOnEnter(event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  }

  // ---- conversations and tasks ---------------------------------------------------------------------------------

  async function refreshConversations(cursor) {
    try {
      const page = await api("GET", userPath("/conversations" + (cursor ? "?cursor=" + encodeURIComponent(cursor) : "")));
      const items = page.conversations.map(conversationItem);
      if (cursor) {
        $("conversation-list").append(...items);
      } else {
        $("conversation-list").replaceChildren(...items);
      }
      state.olderCursor = page.next_cursor;
      $("older-conversations").hidden = !page.next_cursor;
      const current = state.conversation && page.conversations.find((c) => c.id === state.conversation);
      if (current) $("chat-title").textContent = current.title;
    } catch (failure) {
      failed(failure, $("error"));
    }
  }

  function conversationItem(conversation) {
    const item = element("li");
    const button = element("button");
    button.type = "button";
    button.dataset.id = conversation.id;
    button.setAttribute("aria-current", String(conversation.id === state.conversation));
    button.append(element("span", null, conversation.title),
      element("small", null, new Date(conversation.updated_at).toLocaleString()));
    button.addEventListener("click", () => openConversation(conversation.id));
    item.append(button);
    return item;
  }

  async function refreshTasks() {
    try {
      const listing = await api("GET", userPath("/tasks?status=all"));
      $("task-list").replaceChildren(...listing.tasks.map(taskItem));
      $("tasks-empty").hidden = listing.tasks.length > 0;
      $("tasks-error").textContent = "";
    } catch (failure) {
      failed(failure, $("tasks-error"));
    }
  }

  function taskItem(task) {
    const item = element("li", task.completed ? "done" : null);
    const box = element("input");
    box.type = "checkbox";
    box.id = "task-" + task.id;
    box.checked = task.completed;
    box.addEventListener("change", async () => {
      try {
        await api("PATCH", userPath("/tasks/" + task.id), { completed: box.checked });
      } catch (failure) {
        failed(failure, $("tasks-error"));
      }
      refreshTasks();
    });
    // The user's own task number, the one the chat and the API use ("complete 2").
    const number = element("span", "task-number", "#" + task.id);
    const label = element("label", null, task.title);
    label.htmlFor = box.id;
    item.append(box, number, label);
    if (task.description) item.append(element("p", "description", task.description));
    return item;
  }

  // ---- start ---------------------------------------------------------------------------------------------------

  $("dev-form").addEventListener("submit", devSignIn);
  $("token-form").addEventListener("submit", tokenSignIn);
  $("sign-out").addEventListener("click", () => signOut());
  $("composer").addEventListener("submit", send);
  $("message").addEventListener("keydown", sendOnEnter);
  $("new-conversation").addEventListener("click", newConversation);
  $("older-conversations").addEventListener("click", () => refreshConversations(state.olderCursor));

  const handedOver = tokenFromAddress();
  const kept = sessionStorage.getItem(TOKEN_KEY);
  if (handedOver || kept) {
    signIn(handedOver || kept);
  } else {
    showSignIn("");
  }
})();
