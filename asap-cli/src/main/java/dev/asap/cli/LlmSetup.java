package dev.asap.cli;

import dev.asap.integrator.BuiltinJudge;
import dev.asap.integrator.Judge;
import dev.asap.integrator.RegimeSwitchingJudge;
import dev.asap.integrator.RetiringTool;
import dev.asap.llm.LlmEngine;
import dev.asap.integrator.llm.LlmJudge;
import dev.asap.integrator.llm.PromptLog;
import dev.asap.llm.embedded.LlamaEngine;
import dev.asap.llm.openai.OpenAiCompatibleEngine;
import dev.asap.optimizer.Optimizer;
import dev.asap.tools.Optimizers;
import dev.asap.optimizer.llm.LlmProposer;
import dev.asap.optimizer.llm.LlmProposerSettings;
import dev.asap.trial.Direction;
import dev.asap.studyfile.Durations;
import dev.asap.studyfile.StudyFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The LLM side of a run from the command line: no LLM, an OpenAI-compatible server, or llama.cpp in process on
 * a GGUF file. It builds the optimizer the flags ask for: a single tool; {@code llm} (the LLM as proposer) or
 * {@code llm+gp} (its first proposals seed GP); or the {@code asap} pool, whose judge is the LLM with
 * {@code --judge llm} (falling back to the built-in judge per round when the LLM fails, and for good when it
 * costs more than half an evaluation) and which then also has the LLM as one more proposing tool.
 */
final class LlmSetup implements AutoCloseable {
  static final String LLM = "llm";
  static final String LLM_SEEDED_GP = "llm+gp";
  /** Trials the LLM proposes before GP takes over in {@code llm+gp}. */
  static final int SEED_TRIALS = 10;
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final boolean llmJudge;
  private final String url;
  private final String model;
  private final Path gguf;
  private final Duration timeout;
  private LlmEngine engine;

  private LlmSetup(boolean llmJudge, String url, String model, Path gguf, Duration timeout) {
    this.llmJudge = llmJudge;
    this.url = url;
    this.model = model;
    this.gguf = gguf;
    this.timeout = timeout;
  }

  /** Checks the flags together. */
  static LlmSetup of(String judge, String url, String model, Path gguf, String timeout, String optimizer) {
    String kind = judge == null ? "builtin" : judge.trim().toLowerCase(Locale.ROOT);
    if (!kind.equals("builtin") && !kind.equals("llm")) {
      throw new IllegalArgumentException("--judge must be builtin or llm, got '" + judge + "'");
    }
    String name = optimizer == null ? "" : optimizer.trim().toLowerCase(Locale.ROOT);
    if (!Optimizers.names().contains(name) && !name.equals(LLM) && !name.equals(LLM_SEEDED_GP)) {
      throw new IllegalArgumentException("unknown optimizer '" + optimizer + "'; choose one of "
          + String.join(", ", Optimizers.names()) + ", " + LLM + " or " + LLM_SEEDED_GP);
    }
    boolean pool = Optimizers.POOL.equals(name);
    if (judge != null && !pool) {
      throw new IllegalArgumentException("--judge picks among the pool's proposals: use it with --optimizer "
          + Optimizers.POOL);
    }
    boolean llmJudge = kind.equals("llm");
    boolean needsLlm = llmJudge || name.equals(LLM) || name.equals(LLM_SEEDED_GP);
    boolean hasLlm = gguf != null || url != null || model != null;
    if (needsLlm && gguf == null && (url == null || model == null)) {
      throw new IllegalArgumentException((llmJudge ? "--judge llm" : "--optimizer " + name) + " needs either "
          + "--llm-url (an OpenAI-compatible server, e.g. http://localhost:8000/v1) with --llm-model (the model's "
          + "name there), or --llm-gguf (a GGUF model file)");
    }
    if (gguf != null && url != null) {
      throw new IllegalArgumentException("give --llm-url or --llm-gguf, not both");
    }
    if (!needsLlm && (hasLlm || timeout != null)) {
      throw new IllegalArgumentException("--llm-url, --llm-model, --llm-gguf and --llm-timeout apply to --judge llm "
          + "or --optimizer llm / llm+gp");
    }
    return new LlmSetup(llmJudge, url, model, gguf, timeout == null ? DEFAULT_TIMEOUT : Durations.parse(timeout));
  }

  /** The optimizer named on the command line; every LLM part shares one engine. */
  synchronized Optimizer optimizer(String name, StudyFile file, long seed) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (key.equals(LLM)) {
      return proposer(file, seed);
    }
    if (key.equals(LLM_SEEDED_GP)) {
      return LlmProposer.seeded(proposer(file, seed), Optimizers.create("gp", file.space(), seed), SEED_TRIALS);
    }
    if (!llmJudge) {
      return Optimizers.create(name, file.space(), seed);
    }
    Judge judge = new LlmJudge(engine(seed), new BuiltinJudge(seed), new PromptLog(file.name(), file.space(),
        Optimizers.toolNames(), file.direction() == Direction.MINIMIZE), timeout, seed);
    RegimeSwitchingJudge regime = new RegimeSwitchingJudge(judge, new BuiltinJudge(seed),
        message -> {
          // Speculation works on forks of the pool, each with its own judge: say it once.
          if (announced.compareAndSet(false, true)) {
            System.err.println("asap: " + message + "; the LLM proposer leaves the pool too");
          }
        });
    // Once the switch is made, no LLM call is left on the critical path: the proposer retires with the judge.
    return Optimizers.pool(file.space(), seed, regime, List.of(new RetiringTool(proposer(file, seed))));
  }

  private Optimizer proposer(StudyFile file, long seed) {
    // llama.cpp's grammar cannot express wide numeric bounds; the prompt still states them and answers are
    // validated against the space either way.
    LlmProposerSettings settings = LlmProposerSettings.defaults().withBoundsInSchema(gguf == null);
    return new LlmProposer(engine(seed), file.space(), file.name(), seed, timeout, settings);
  }

  private LlmEngine engine(long seed) {
    if (engine == null) {
      engine = gguf != null ? new LlamaEngine(gguf)
          : OpenAiCompatibleEngine.builder(url, model).retrySeed(seed).build();
    }
    return engine;
  }

  private final java.util.concurrent.atomic.AtomicBoolean announced = new java.util.concurrent.atomic.AtomicBoolean();

  String describe() {
    if (gguf == null && url == null) {
      return "";
    }
    String where = gguf != null ? gguf + " in process" : model + " at " + url;
    return " (LLM: " + where + ", time-out " + Durations.format(timeout) + (llmJudge
        ? "; the built-in judge decides when it fails)" : ")");
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
  }
}
