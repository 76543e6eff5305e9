package dev.asap.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted stand-in for an OpenAI-compatible server on 127.0.0.1 (a free port): answers {@code POST
 * /v1/chat/completions} with the queued replies in order, repeating the last one, and records what it got.
 */
public final class FakeChatServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One scripted reply; {@code delay} is spent before the headers are sent. */
  public record Reply(int status, String body, Map<String, String> headers, Duration delay) {}

  /** One request as received: its Authorization header (null when absent), Content-Type and JSON body. */
  public record Received(String authorization, String contentType, JsonNode body) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  public FakeChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public FakeChatServer reply(int status, String body) {
    return reply(new Reply(status, body, Map.of(), Duration.ZERO));
  }

  public synchronized FakeChatServer reply(Reply reply) {
    script.add(reply);
    return this;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Queues a 200 answer whose message content is {@code content}, sent at once. */
  public FakeChatServer answer(String content) {
    return answer(content, Duration.ZERO);
  }

  /** Queues a 200 answer whose message content is {@code content}, sent after {@code delay}. */
  public FakeChatServer answer(String content, Duration delay) {
    String body = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + JSON.valueToTree(content) + "},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":10}}";
    return reply(new Reply(200, body, Map.of(), delay));
  }

  /** The last message (the user prompt) of the {@code i}-th request. */
  public String prompt(int i) {
    JsonNode messages = received.get(i).body().path("messages");
    return messages.get(messages.size() - 1).path("content").asText();
  }

  private synchronized Reply next() {
    return script.size() > 1 ? script.poll() : script.peek();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
          exchange.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(body)));
      Reply reply = next();
      if (!reply.delay().isZero() && awaitStop(reply.delay())) {
        return;
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Waits out a slow reply; true when the server was stopped meanwhile. */
  private boolean awaitStop(Duration delay) {
    try {
      return stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  @Override
  public void close() {
    stopped.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
