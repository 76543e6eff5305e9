package dev.asap.llm.embedded;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.asap.llm.LlmAnswer;
import dev.asap.llm.LlmEngine;
import dev.asap.llm.LlmException;
import dev.asap.llm.LlmRequest;
import dev.asap.llm.LlmRequest.ChatMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * llama.cpp in this process (through de.kherud:llama) on a GGUF model file the user gives: one model, one
 * context with one KV-cache slot per prompt family ({@link LlmRequest#promptFamily()}, see {@link SlotTable}),
 * each kept between requests, so a prompt that repeats the beginning of its family's previous prompt is
 * evaluated only from where it differs, whatever the other families asked in between.
 *
 * <p>Each request is rendered with the model's own chat template (llama.cpp's Jinja renderer), answered
 * under a GBNF grammar derived from the request's JSON schema ({@link LlamaGrammar}), cancelled when its
 * time-out passes, and reported with its token counts; {@code cachedPromptTokens} is the number of leading
 * prompt tokens shared with the previous prompt in the same slot, which is what llama.cpp takes from the cache.
 *
 * <p>Requests run one at a time. Caveat of de.kherud:llama 4.2.0: its native worker thread is attached to
 * the JVM as a non-daemon thread and never detached, even by {@link #close()}, so a program that has loaded
 * a model ends through {@code System.exit}.
 */
public final class LlamaEngine implements LlmEngine {
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final Path modelFile;
  private final LlamaOptions options;
  private final int leadingTokens;
  private final LlamaModel model;
  private final SlotTable slots;
  private final ExecutorService generator = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "llama-generator");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closed;

  /** Loads {@code modelFile} with {@link LlamaOptions#defaults()}. */
  public LlamaEngine(Path modelFile) {
    this(modelFile, LlamaOptions.defaults());
  }

  /**
   * Loads {@code modelFile}; IllegalArgumentException naming the file if it is missing, not a GGUF, or a
   * GGUF that llama.cpp cannot load.
   */
  public LlamaEngine(Path modelFile, LlamaOptions options) {
    GgufMetadata metadata = GgufMetadata.read(modelFile);
    this.modelFile = modelFile;
    this.options = options;
    this.leadingTokens = metadata.addsBosToken() ? 1 : 0;
    this.slots = new SlotTable(options.slots(), leadingTokens);
    ModelParameters parameters = new ModelParameters()
        .setModel(modelFile.toAbsolutePath().toString())
        .setCtxSize(options.contextSize() * options.slots()) // llama.cpp splits the context evenly over slots
        .setThreads(options.threads())
        .setParallel(options.slots())
        .disableContextShift()
        .enableJinja();
    if (options.logFile() == null) {
      parameters.disableLog();
    } else {
      parameters.setLogFile(options.logFile().toAbsolutePath().toString());
    }
    try {
      this.model = new LlamaModel(parameters);
    } catch (RuntimeException e) { // de.kherud's LlamaException is not public
      throw new IllegalArgumentException("llama.cpp could not load the GGUF model " + modelFile.toAbsolutePath()
          + " (architecture " + metadata.string("general.architecture").orElse("not given") + "): " + e.getMessage()
          + "; llama.cpp's log (LlamaOptions.logFile) says why", e);
    }
  }

  @Override
  public String name() {
    return "llama.cpp:" + modelFile.getFileName();
  }

  /** The model's tokens for {@code text}, special tokens such as {@code <|im_start|>} included, without BOS. */
  public int[] tokenize(String text) {
    ensureOpen();
    return model.encode(text);
  }

  /** The prompt text {@code messages} become under the model's chat template, ready for the assistant's turn. */
  public String prompt(List<ChatMessage> messages) {
    ensureOpen();
    return model.applyTemplate(ChatTranscript.templateInput(messages));
  }

  @Override
  public synchronized LlmAnswer complete(LlmRequest request) throws LlmException {
    ensureOpen();
    long start = System.nanoTime();
    StreamedCompletion completion = new StreamedCompletion(start + request.timeout().toNanos());
    String prompt;
    String grammar;
    try {
      prompt = prompt(request.messages());
      grammar = request.jsonSchema() == null ? null : LlamaGrammar.fromJsonSchema(request.jsonSchema());
    } catch (IllegalArgumentException e) {
      throw new LlmException(LlmException.Kind.ENGINE_ERROR, "the embedded engine cannot take this request: "
          + e.getMessage(), e);
    }
    int[] tokens = model.encode(prompt);
    int promptTokens = leadingTokens + tokens.length;
    if (promptTokens >= options.contextSize()) {
      throw new LlmException(LlmException.Kind.ENGINE_ERROR, "the prompt has " + promptTokens
          + " tokens but a slot's context holds " + options.contextSize()
          + ": shorten it or raise the context size");
    }
    InferenceParameters parameters = new InferenceParameters(prompt)
        .setCachePrompt(true)
        .setNPredict(request.maxTokens())
        .setTemperature((float) request.temperature())
        // llama.cpp reads the seed as uint32 and takes 0xFFFFFFFF to mean "pick one at random"
        .setSeed((int) Math.floorMod(request.seed(), (long) Integer.MAX_VALUE));
    if (grammar != null) {
      parameters.setGrammar(grammar);
    }
    String family = request.promptFamily();
    Future<Generated> future = generator.submit(() -> generate(completion, parameters, tokens, family));
    try {
      Generated generated = future.get(Math.max(0, start + request.timeout().toNanos() - System.nanoTime()),
          TimeUnit.NANOSECONDS);
      if (generated.result().timedOut()) {
        throw timeout(request);
      }
      return new LlmAnswer(generated.result().text(), promptTokens, generated.cached(),
          generated.result().tokens(), (System.nanoTime() - start) / 1e9);
    } catch (TimeoutException e) {
      completion.expire();
      throw timeout(request);
    } catch (ExecutionException e) {
      throw new LlmException(LlmException.Kind.ENGINE_ERROR, "llama.cpp failed on " + modelFile.getFileName()
          + ": " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      completion.expire();
      Thread.currentThread().interrupt();
      throw new LlmException(LlmException.Kind.ENGINE_ERROR, "interrupted while waiting for llama.cpp", e);
    }
  }

  /** Stops accepting requests, lets a cancelled generation reach its next token, and unloads the model. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    generator.shutdown();
    try {
      generator.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    model.close();
  }

  private record Generated(StreamedCompletion.Result result, Integer cached) {}

  /** Runs on the generator thread, one request after another, so the cache mirrors follow llama.cpp's slots. */
  private Generated generate(StreamedCompletion completion, InferenceParameters parameters, int[] tokens,
      String family) {
    if (completion.expired()) {
      return new Generated(new StreamedCompletion.Result("", 0, true), null); // never started: slot untouched
    }
    int slot = slots.slotFor(family);
    SlotParameter.set(parameters, slot);
    PromptCache cache = slots.cache(slot);
    Integer cached = cache.reusable(tokens);
    try {
      StreamedCompletion.Result result = completion.run(model, parameters);
      cache.remember(tokens);
      return new Generated(result, cached);
    } catch (RuntimeException e) {
      cache.forget();
      throw e;
    }
  }

  private LlmException timeout(LlmRequest request) {
    return new LlmException(LlmException.Kind.TIMEOUT, "llama.cpp (" + modelFile.getFileName()
        + ") gave no answer within " + request.timeout().toMillis() + " ms: raise the time-out or lower maxTokens");
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the engine for " + modelFile.getFileName() + " is closed");
    }
  }
}
