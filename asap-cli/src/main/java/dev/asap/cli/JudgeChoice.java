package dev.asap.cli;

import dev.asap.integrator.BuiltinJudge;
import dev.asap.integrator.Judge;
import dev.asap.integrator.RegimeSwitchingJudge;
import dev.asap.integrator.llm.LlmEngine;
import dev.asap.integrator.llm.LlmJudge;
import dev.asap.integrator.llm.PromptLog;
import dev.asap.integrator.llm.embedded.LlamaEngine;
import dev.asap.integrator.llm.openai.OpenAiCompatibleEngine;
import dev.asap.optimizer.Optimizer;
import dev.asap.optimizer.Optimizers;
import dev.asap.study.Direction;
import dev.asap.studyfile.Durations;
import dev.asap.studyfile.StudyFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The judge of an {@code asap} run from the command line: built-in, or an LLM on an OpenAI-compatible server
 * or embedded (llama.cpp on a GGUF file). An LLM judge falls back to the built-in one per round when it fails,
 * and for good when it costs more than half an evaluation (the fast-evaluation regime).
 */
final class JudgeChoice implements AutoCloseable {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private final boolean llm;
  private final String url;
  private final String model;
  private final Path gguf;
  private final Duration timeout;
  private LlmEngine engine;

  private JudgeChoice(boolean llm, String url, String model, Path gguf, Duration timeout) {
    this.llm = llm;
    this.url = url;
    this.model = model;
    this.gguf = gguf;
    this.timeout = timeout;
  }

  /** Checks the flags together; a judge only makes sense for the pool. */
  static JudgeChoice of(String judge, String url, String model, Path gguf, String timeout, String optimizer) {
    String kind = judge == null ? "builtin" : judge.trim().toLowerCase(Locale.ROOT);
    if (!kind.equals("builtin") && !kind.equals("llm")) {
      throw new IllegalArgumentException("--judge must be builtin or llm, got '" + judge + "'");
    }
    boolean pool = Optimizers.POOL.equals(optimizer == null ? "" : optimizer.trim().toLowerCase(Locale.ROOT));
    if (judge != null && !pool) {
      throw new IllegalArgumentException("--judge picks among the pool's proposals: use it with --optimizer "
          + Optimizers.POOL);
    }
    boolean llm = kind.equals("llm");
    if (llm && gguf == null && (url == null || model == null)) {
      throw new IllegalArgumentException("--judge llm needs either --llm-url (an OpenAI-compatible server, e.g. "
          + "http://localhost:8000/v1) with --llm-model (the model's name there), or --llm-gguf (a GGUF model file)");
    }
    if (llm && gguf != null && url != null) {
      throw new IllegalArgumentException("give --llm-url or --llm-gguf, not both");
    }
    if (!llm && (url != null || model != null || gguf != null || timeout != null)) {
      throw new IllegalArgumentException("--llm-url, --llm-model, --llm-gguf and --llm-timeout only apply with "
          + "--judge llm");
    }
    return new JudgeChoice(llm, url, model, gguf, timeout == null ? DEFAULT_TIMEOUT : Durations.parse(timeout));
  }

  /** A fresh optimizer (speculation asks for one per prepared pick); LLM judges share one engine. */
  synchronized Optimizer optimizer(String name, StudyFile file, long seed) {
    if (!llm) {
      return Optimizers.create(name, file.space(), seed);
    }
    if (engine == null) {
      engine = gguf != null ? new LlamaEngine(gguf)
          : OpenAiCompatibleEngine.builder(url, model).retrySeed(seed).build();
    }
    Judge judge = new LlmJudge(engine, new BuiltinJudge(seed), new PromptLog(file.name(), file.space(),
        Optimizers.toolNames(), file.direction() == Direction.MINIMIZE), timeout, seed);
    return Optimizers.pool(file.space(), seed, new RegimeSwitchingJudge(judge, new BuiltinJudge(seed)));
  }

  String describe() {
    if (!llm) {
      return "";
    }
    String where = gguf != null ? gguf + " in process" : model + " at " + url;
    return " (judge: " + where + ", time-out " + Durations.format(timeout)
        + "; the built-in judge decides when it fails)";
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
  }
}
