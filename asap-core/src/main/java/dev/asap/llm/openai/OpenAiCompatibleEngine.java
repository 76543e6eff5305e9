package dev.asap.llm.openai;

import dev.asap.llm.LlmAnswer;
import dev.asap.llm.LlmEngine;
import dev.asap.llm.LlmException;
import dev.asap.llm.LlmException.Kind;
import dev.asap.llm.LlmRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * An {@link LlmEngine} for any server with an OpenAI-compatible {@code POST /chat/completions}: vLLM,
 * llama.cpp's server, Ollama, hosted APIs.
 *
 * <p>The base URL is exactly what precedes {@code /chat/completions}, e.g. {@code http://localhost:8000/v1};
 * nothing is guessed (no {@code /v1} is added). A URL that already ends in {@code /chat/completions} is
 * taken as it is.
 *
 * <p>The request's time-out bounds the whole call, retries and backoff included. Answers are constrained by
 * {@code response_format: json_schema}; when the server rejects that, the engine falls back to
 * {@code json_object} for this and every later call (see {@link #constraintMode()}).
 *
 * <p>Thread-safe: all calls share one HTTP/1.1 client. An interrupt ends a call with {@code TIMEOUT} and
 * leaves the thread's interrupt flag set.
 */
public final class OpenAiCompatibleEngine implements LlmEngine {
  private static final String CHAT_COMPLETIONS = "/chat/completions";

  private final URI endpoint;
  private final String model;
  private final String apiKey;
  private final RetryPolicy retryPolicy;
  private final Duration connectTimeout;
  private final HttpClient client;
  private final AtomicReference<ConstraintMode> constraintMode = new AtomicReference<>(ConstraintMode.JSON_SCHEMA);
  private volatile boolean closed;

  private OpenAiCompatibleEngine(Builder b) {
    this.endpoint = chatCompletionsUri(b.baseUrl);
    if (b.model == null || b.model.isBlank()) {
      throw new IllegalArgumentException("a model name is required, e.g. qwen2.5-7b-instruct");
    }
    this.model = b.model;
    String key = b.apiKey != null ? b.apiKey : b.environment.apply("OPENAI_API_KEY");
    this.apiKey = key == null || key.isBlank() ? null : key.trim();
    if (b.connectTimeout.isNegative() || b.connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive, got " + b.connectTimeout);
    }
    this.connectTimeout = b.connectTimeout;
    this.retryPolicy = new RetryPolicy(b.retries, b.retryBaseDelay, b.retryMaxDelay, b.retrySeed);
    // Many local servers do not speak h2c, and the JDK's default HTTP/2 would try to upgrade to it.
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .build();
  }

  /** A builder for the server at {@code baseUrl} (what precedes {@code /chat/completions}) serving {@code model}. */
  public static Builder builder(String baseUrl, String model) {
    return new Builder(baseUrl, model);
  }

  /** {@code openai:<model>}; stays the same after a downgrade of the {@link #constraintMode()}. */
  @Override
  public String name() {
    return "openai:" + model;
  }

  /** How answers are constrained to a request's schema now; {@code JSON_OBJECT} once the server rejected schemas. */
  public ConstraintMode constraintMode() {
    return constraintMode.get();
  }

  /** The URL requests are posted to. */
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public LlmAnswer complete(LlmRequest request) throws LlmException {
    if (closed) {
      throw new IllegalStateException(name() + " at " + endpoint + " is closed");
    }
    long deadline = System.nanoTime() + request.timeout().toNanos();
    int failed = 0; // failed attempts that count against the retries
    while (true) {
      ConstraintMode mode = constraintMode.get();
      String body = ChatCompletionJson.requestBody(model, request, mode);
      long start = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = send(body, deadline, request.timeout());
      } catch (IOException e) {
        failed++;
        backOff(new LlmException(Kind.UNREACHABLE, "the connection to " + endpoint + " failed" + afterAttempts(failed)
            + ": " + e + "; check that the server is up and healthy", e), failed, null, deadline);
        continue;
      }
      int status = response.statusCode();
      if (status / 100 == 2) {
        return ChatCompletionJson.parseAnswer(response.body(), (System.nanoTime() - start) / 1e9);
      }
      if (request.jsonSchema() != null && mode == ConstraintMode.JSON_SCHEMA
          && ChatCompletionJson.rejectsResponseFormat(status, response.body())) {
        // Retried at once with json_object and not counted as a failure; the mode cannot be downgraded twice.
        constraintMode.compareAndSet(ConstraintMode.JSON_SCHEMA, ConstraintMode.JSON_OBJECT);
        continue;
      }
      if (!RetryPolicy.retryableStatus(status)) {
        throw httpError(status, response.body(), failed + 1);
      }
      failed++;
      Duration retryAfter = RetryPolicy.honoursRetryAfter(status)
          ? RetryPolicy.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now())
          : null;
      backOff(httpError(status, response.body(), failed), failed, retryAfter, deadline);
    }
  }

  /**
   * Sleeps before the next attempt, or throws {@code failure} when no retry is left or the next would start
   * after the deadline.
   */
  private void backOff(LlmException failure, int failed, Duration retryAfter, long deadline) throws LlmException {
    if (failed > retryPolicy.retries()) {
      throw failure;
    }
    long delay = retryPolicy.delay(failed - 1, retryAfter).toNanos();
    if (delay >= deadline - System.nanoTime()) {
      throw new LlmException(failure.kind(), failure.getMessage()
          + " (the next retry would start after the request's time-out)", failure.getCause());
    }
    try {
      TimeUnit.NANOSECONDS.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException(Kind.TIMEOUT, "interrupted while waiting to retry " + endpoint, e);
    }
  }

  /**
   * One attempt, bounded by the deadline even while the body is read (the JDK's request time-out stops at the
   * headers).
   *
   * @throws IOException for a connection that failed in a way a retry may cure
   */
  private HttpResponse<String> send(String body, long deadline, Duration timeout) throws LlmException, IOException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw timedOut(timeout);
    }
    HttpRequest.Builder http = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofNanos(remaining))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (apiKey != null) {
      http.header("Authorization", "Bearer " + apiKey);
    }
    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(http.build(), HttpResponse.BodyHandlers.ofString());
    try {
      return future.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timedOut(timeout);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new LlmException(Kind.TIMEOUT, "interrupted while waiting for " + endpoint, e);
    } catch (ExecutionException e) {
      throw classify(e.getCause(), deadline, timeout);
    }
  }

  /** Throws the LlmException for a failure no retry can cure; returns the IOException worth retrying. */
  private IOException classify(Throwable cause, long deadline, Duration timeout) throws LlmException {
    if (cause instanceof HttpConnectTimeoutException && System.nanoTime() < deadline) {
      throw new LlmException(Kind.UNREACHABLE, "no connection to " + endpoint + " within the connect time-out of "
          + seconds(connectTimeout) + "; check the host and port, and that no firewall drops the packets", cause);
    }
    if (cause instanceof HttpTimeoutException) {
      throw timedOut(timeout);
    }
    // The JDK wraps an unresolvable host in a ConnectException, so look for it first.
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        throw new LlmException(Kind.UNREACHABLE, "cannot reach " + endpoint + ": unknown host '"
            + endpoint.getHost() + "'; check the host name in the base URL", cause);
      }
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        throw new LlmException(Kind.UNREACHABLE, "cannot reach " + endpoint + " (" + describe(t) + "); check that "
            + "the server is running and listening on " + endpoint.getHost() + ":" + port() + ", and that the base "
            + "URL is what precedes " + CHAT_COMPLETIONS + " (e.g. http://localhost:8000/v1)", cause);
      }
    }
    if (cause instanceof IOException) {
      return (IOException) cause;
    }
    throw new LlmException(Kind.UNREACHABLE, "the request to " + endpoint + " failed: " + describe(cause), cause);
  }

  private static String afterAttempts(int attempts) {
    return attempts == 1 ? "" : " after " + attempts + " attempts";
  }

  private LlmException httpError(int status, String body, int attempts) {
    String hint = "";
    if (status == 401 || status == 403) {
      hint = "; check the API key (the apiKey parameter, else OPENAI_API_KEY)";
    } else if (status == 404) {
      hint = "; check the base URL (what precedes " + CHAT_COMPLETIONS + ", often ending in /v1) and the model name";
    }
    return new LlmException(Kind.HTTP_ERROR, "HTTP " + status + " from " + endpoint + afterAttempts(attempts)
        + ": " + (body == null || body.isBlank() ? "(empty body)" : ChatCompletionJson.snippet(body, 500)) + hint);
  }

  private LlmException timedOut(Duration timeout) {
    return new LlmException(Kind.TIMEOUT, "no answer from " + endpoint + " within the request's time-out of "
        + seconds(timeout) + " (retries included); raise the time-out or check the server's load");
  }

  private int port() {
    if (endpoint.getPort() != -1) {
      return endpoint.getPort();
    }
    return "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3g s", d.toNanos() / 1e9);
  }

  /** Later calls throw {@link IllegalStateException}; the JDK 17 client frees its threads once unreferenced. */
  @Override
  public void close() {
    closed = true;
  }

  /** The chat-completions URL for a base URL; a URL already ending in {@code /chat/completions} is kept. */
  static URI chatCompletionsUri(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("a base URL is required, e.g. http://localhost:8000/v1");
    }
    String base = baseUrl.trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    if (base.endsWith(CHAT_COMPLETIONS)) {
      base = base.substring(0, base.length() - CHAT_COMPLETIONS.length());
    }
    URI uri;
    try {
      uri = new URI(base + CHAT_COMPLETIONS);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: '" + baseUrl + "' (" + e.getReason() + ")", e);
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalArgumentException("the base URL needs http:// or https:// and a host, e.g. "
          + "http://localhost:8000/v1; got '" + baseUrl + "'");
    }
    if (uri.getRawUserInfo() != null) {
      // Credentials in the URL would end up in every error message.
      throw new IllegalArgumentException("put credentials in the API key, not in the base URL");
    }
    return uri;
  }

  /** Options of an {@link OpenAiCompatibleEngine}; defaults: 2 retries, 10 s connect time-out. */
  public static final class Builder {
    private final String baseUrl;
    private final String model;
    private String apiKey;
    private int retries = 2;
    private Duration retryBaseDelay = Duration.ofMillis(500);
    private Duration retryMaxDelay = Duration.ofSeconds(30);
    private long retrySeed;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private UnaryOperator<String> environment = System::getenv;

    private Builder(String baseUrl, String model) {
      this.baseUrl = baseUrl;
      this.model = model;
    }

    /** The bearer token; null (the default) reads {@code OPENAI_API_KEY}, and a blank key sends none. */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /** How many attempts may follow a failed one (429, 500, 502, 503, 504, dropped connection); default 2. */
    public Builder retries(int retries) {
      this.retries = retries;
      return this;
    }

    /** The first backoff (doubled per retry, capped at {@code maxDelay}, half of it jittered); default 0.5 s, 30 s. */
    public Builder retryDelay(Duration baseDelay, Duration maxDelay) {
      this.retryBaseDelay = Objects.requireNonNull(baseDelay);
      this.retryMaxDelay = Objects.requireNonNull(maxDelay);
      return this;
    }

    /** Seed of the backoff jitter; give parallel workers different seeds so their retries do not collide. */
    public Builder retrySeed(long seed) {
      this.retrySeed = seed;
      return this;
    }

    /** How long to wait for a TCP connection; default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout);
      return this;
    }

    /** Where {@code OPENAI_API_KEY} is looked up; tests replace the process environment. */
    Builder environment(UnaryOperator<String> environment) {
      this.environment = Objects.requireNonNull(environment);
      return this;
    }

    /**
     * The engine.
     *
     * @throws IllegalArgumentException for a base URL that is not http(s) with a host, a blank model, negative
     *     retries or a non-positive connect time-out
     */
    public OpenAiCompatibleEngine build() {
      return new OpenAiCompatibleEngine(this);
    }
  }
}
