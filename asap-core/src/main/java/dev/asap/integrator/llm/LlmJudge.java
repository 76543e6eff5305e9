package dev.asap.integrator.llm;

import dev.asap.integrator.Judge;
import dev.asap.integrator.Round;
import dev.asap.integrator.Verdict;
import dev.asap.optimizer.History;
import dev.asap.optimizer.Proposal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.asap.llm.LlmAnswer;
import dev.asap.llm.LlmEngine;
import dev.asap.llm.LlmException;
import dev.asap.llm.LlmRequest;

/**
 * A judge that asks an LLM to choose among the round's proposals. The prompt is prefix-stable
 * ({@link PromptLog}), the answer is constrained to a JSON schema naming one candidate and is validated; on a
 * time-out, refusal, error or invalid answer the fallback judge decides and the failure is recorded.
 */
public final class LlmJudge implements Judge {
  private final LlmEngine engine;
  private final Judge fallback;
  private final PromptLog log;
  private final Duration timeout;
  private final long seed;

  public LlmJudge(LlmEngine engine, Judge fallback, PromptLog log, Duration timeout, long seed) {
    this.engine = engine;
    this.fallback = fallback;
    this.log = log;
    this.timeout = timeout;
    this.seed = seed;
  }

  @Override
  public Judge fork() {
    return new LlmJudge(engine, fallback.fork(), log.copy(), timeout, seed);
  }

  @Override
  public String name() {
    return "llm";
  }

  @Override
  public Verdict choose(Round round) {
    History history = round.history();
    List<Proposal> candidates = round.candidates();
    log.update(history);
    List<String> ids = ids(candidates.size());
    LlmRequest request = new LlmRequest(List.of(LlmRequest.ChatMessage.system(PromptLog.instructions()),
        LlmRequest.ChatMessage.user(log.prompt(candidates, ids))), schema(ids), timeout, 96, 0.0, seed, "judge");
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("engine", engine.name());
    evidence.put("prompt_prefix_chars", log.prefix().length());
    evidence.put("prompt_rewrites", log.rewrites());
    long t0 = System.nanoTime();
    try {
      LlmAnswer answer = engine.complete(request);
      evidence.put("llm_seconds", answer.seconds());
      evidence.put("prompt_tokens", answer.promptTokens());
      if (answer.cachedPromptTokens() != null) {
        evidence.put("cached_prompt_tokens", answer.cachedPromptTokens());
      }
      evidence.put("completion_tokens", answer.completionTokens());
      AnswerParser.Choice choice = AnswerParser.parse(answer.text(), ids);
      int index = ids.indexOf(choice.id());
      return new Verdict(index, "LLM chose " + choice.id() + " (" + candidates.get(index).tool() + "): "
          + AnswerParser.clip(choice.reason()), evidence);
    } catch (LlmException e) {
      evidence.put("llm_seconds", (System.nanoTime() - t0) / 1e9);
      evidence.put("llm_failure", e.kind().name().toLowerCase());
      // The fallback gets the whole round, model scores included.
      Verdict v = fallback.choose(round);
      evidence.put("fallback_evidence", v.evidence());
      return new Verdict(v.index(), "LLM judge failed (" + e.kind().name().toLowerCase() + ": "
          + AnswerParser.clip(String.valueOf(e.getMessage())) + "); " + fallback.name() + " judge: " + v.reason(),
          evidence);
    }
  }

  /** Candidate ids A, B, ... Z, then A1, B1, ...: short, one token each for most tokenizers. */
  static List<String> ids(int n) {
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add((char) ('A' + i % 26) + (i >= 26 ? String.valueOf(i / 26) : ""));
    }
    return ids;
  }

  /** The answer's JSON schema: one of the ids, and a short reason. */
  static String schema(List<String> ids) {
    StringBuilder e = new StringBuilder();
    for (String id : ids) {
      e.append(e.length() == 0 ? "" : ",").append('"').append(id).append('"');
    }
    return "{\"type\":\"object\",\"properties\":{\"choice\":{\"type\":\"string\",\"enum\":[" + e + "]},"
        + "\"reason\":{\"type\":\"string\",\"maxLength\":160}},\"required\":[\"choice\",\"reason\"],"
        + "\"additionalProperties\":false}";
  }
}
