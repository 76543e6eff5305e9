package dev.asap.optimizer.llm;

import dev.asap.llm.LlmAnswer;
import dev.asap.llm.LlmEngine;
import dev.asap.llm.LlmException;
import dev.asap.llm.LlmRequest;
import dev.asap.llm.LlmRequest.ChatMessage;
import dev.asap.optimizer.History;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Proposal;
import dev.asap.optimizer.Seeds;
import dev.asap.optimizer.UnseenConfigs;
import dev.asap.space.Config;
import dev.asap.space.SearchSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * An LLM as hyperparameter proposer (Zhang et al., 2023, with compressed history): each round one user message
 * carries the task, the space, the completed trials and the pending configs, and asks for one config as a JSON
 * object constrained by the space's JSON schema. An answer that is invalid or repeats a tried config is
 * rejected with the reason, which the next call quotes back, up to {@link LlmProposerSettings#retries()}
 * times; then a seeded random unseen config is proposed instead. Engine failures never escape
 * {@link #propose}: they count as failed attempts.
 *
 * <p>Every proposal notes {@code llm_attempts}, {@code llm_rejections} (the reasons, in order),
 * {@code llm_fallback}, {@code llm_prompt_tokens}, {@code llm_completion_tokens}, {@code llm_seconds} and
 * {@code llm_engine}; {@code llm_ignored} lists the inactive parameters an accepted answer set anyway.
 *
 * <p>The engine belongs to the caller, who closes it.
 */
public final class LlmProposer implements Optimizer {
  private final LlmEngine engine;
  private final SearchSpace space;
  private final long seed;
  private final Duration timeout;
  private final LlmProposerSettings settings;
  private final ProposalPrompt prompt;
  private final String schema;

  /** A proposer with {@link LlmProposerSettings#defaults()}; {@code timeout} bounds each call to the engine. */
  public LlmProposer(LlmEngine engine, SearchSpace space, String task, long seed, Duration timeout) {
    this(engine, space, task, seed, timeout, LlmProposerSettings.defaults());
  }

  public LlmProposer(LlmEngine engine, SearchSpace space, String task, long seed, Duration timeout,
      LlmProposerSettings settings) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.space = Objects.requireNonNull(space, "space");
    this.seed = seed;
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the time-out per call must be positive, got " + timeout);
    }
    this.timeout = timeout;
    this.settings = Objects.requireNonNull(settings, "settings");
    String what = task == null || task.isBlank() ? "an unnamed objective" : task.strip();
    this.prompt = new ProposalPrompt(what, space, settings);
    this.schema = ConfigSchema.of(space, settings.boundsInSchema());
  }

  /**
   * A tool that proposes with {@code llm} for a study's first {@code firstN} trials and with {@code model}
   * after, which then learns from the LLM's proposals: Zhang et al.'s LLM-seeded Bayesian optimisation. Its
   * name joins both, e.g. {@code llm+gp}; each trial keeps the tool that proposed it.
   */
  public static Optimizer seeded(Optimizer llm, Optimizer model, int firstN) {
    return new LlmSeededOptimizer(llm, model, firstN);
  }

  @Override
  public String name() {
    return "llm";
  }

  /**
   * Itself: every field is fixed at construction and each round's prompt is written from the history alone.
   * The engine is a connection, shared by design, and its seeds come from the seed and the history.
   */
  @Override
  public Optimizer fork() {
    return this;
  }

  @Override
  public Proposal propose(History history) {
    long start = System.nanoTime();
    String first = prompt.write(history);
    List<String> answers = new ArrayList<>();
    List<String> answerReasons = new ArrayList<>();
    List<String> rejections = new ArrayList<>();
    int promptTokens = 0;
    int completionTokens = 0;
    double llmSeconds = 0;
    int attempts = 0;
    while (attempts <= settings.retries()) {
      String message = answers.isEmpty() ? first : ProposalPrompt.retry(first, answers, answerReasons);
      LlmRequest request = new LlmRequest(List.of(ChatMessage.user(message)), schema, timeout,
          settings.maxTokens(), settings.temperature(), Seeds.mix(seed, history.size(), attempts), "proposer");
      attempts++;
      long callStart = System.nanoTime();
      LlmAnswer answer;
      try {
        answer = engine.complete(request);
      } catch (LlmException e) {
        llmSeconds += (System.nanoTime() - callStart) / 1e9;
        rejections.add("engine " + e.kind().name().toLowerCase(Locale.ROOT) + ": "
            + PromptText.clip(String.valueOf(e.getMessage())));
        if (!worthRetrying(e.kind())) {
          break;
        }
        continue;
      }
      llmSeconds += answer.seconds();
      promptTokens += answer.promptTokens();
      completionTokens += answer.completionTokens();
      try {
        AnswerReader.Accepted accepted = AnswerReader.read(answer.text(), space, history);
        Map<String, Object> notes = notes(attempts, rejections, false, promptTokens, completionTokens, llmSeconds);
        if (!accepted.ignored().isEmpty()) {
          notes.put("llm_ignored", accepted.ignored());
        }
        return new Proposal(accepted.config(), name(), null, seconds(start)).withNotes(notes);
      } catch (RejectedAnswer r) {
        answers.add(answer.text());
        answerReasons.add(r.getMessage());
        rejections.add(r.getMessage());
      }
    }
    Random random = Seeds.random(seed, history.size());
    Config fallback = UnseenConfigs.orFresh(history, space.sample(random), random);
    return new Proposal(fallback, name(), null, seconds(start))
        .withNotes(notes(attempts, rejections, true, promptTokens, completionTokens, llmSeconds));
  }

  /**
   * A time-out, an unreachable server or an engine that cannot take the request would fail the same way
   * again and only cost another time-out; a malformed or refused answer may come out right on a second try.
   */
  private static boolean worthRetrying(LlmException.Kind kind) {
    return kind == LlmException.Kind.MALFORMED || kind == LlmException.Kind.REFUSED;
  }

  private Map<String, Object> notes(int attempts, List<String> rejections, boolean fallback, int promptTokens,
      int completionTokens, double llmSeconds) {
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put("llm_engine", engine.name());
    notes.put("llm_attempts", attempts);
    notes.put("llm_rejections", List.copyOf(rejections));
    notes.put("llm_fallback", fallback);
    notes.put("llm_prompt_tokens", promptTokens);
    notes.put("llm_completion_tokens", completionTokens);
    notes.put("llm_seconds", llmSeconds);
    return notes;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
