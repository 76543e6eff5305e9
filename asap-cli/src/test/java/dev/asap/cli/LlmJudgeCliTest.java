package dev.asap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.asap.store.StudyStore;
import dev.asap.store.jdbc.SqliteStore;
import dev.asap.study.Study;
import dev.asap.trial.Trial;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --optimizer asap --judge llm} through the real CLI process. A local HTTP server speaking the
 * OpenAI chat-completions protocol stands in for the model server (a boundary ASAP does not own); it always
 * picks candidate A.
 */
class LlmJudgeCliTest {
  @TempDir
  Path dir;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/v1/chat/completions", exchange -> {
      String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.incrementAndGet();
      // A judge's schema asks for "choice"; a proposer's asks for the space's parameters.
      String content = request.contains("\\\"choice\\\"") || request.contains("\"choice\"")
          ? "{\\\"choice\\\": \\\"A\\\", \\\"reason\\\": \\\"first is fine\\\"}"
          : "{\\\"x\\\": 0.25, \\\"k\\\": \\\"a\\\"}";
      byte[] body = ("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content
          + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":8}}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    // Evaluations of 0.3 s keep a local judge well under the fast-evaluation threshold (half an evaluation).
    Files.writeString(dir.resolve("s.yaml"), "name: s\nobjective:\n  command: \"sleep 0.3; echo {x}\"\nspace:\n"
        + "  x: {type: float, low: 0, high: 1}\n  k: {type: categorical, choices: [a, b]}\n");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private List<Trial> trials() {
    try (StudyStore store = SqliteStore.open(dir.resolve("asap.db"))) {
      return Study.load(store, "s").trials();
    }
  }

  @Test
  void theLlmChoosesOnceTheInitialDesignIsDone() throws Exception {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    CliProcess.Result run = CliProcess.run(dir, "run", "s.yaml", "--trials", "9", "--optimizer", "asap",
        "--judge", "llm", "--llm-url", url, "--llm-model", "tiny", "--seed", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("LLM: tiny at " + url);
    List<Trial> trials = trials();
    assertThat(trials).hasSize(9).allMatch(Trial::isComplete);
    assertThat(trials).allMatch(t -> "llm".equals(t.attributes().get("judge")));
    assertThat(trials.get(8).attributes().get("reason").toString()).startsWith("LLM chose A");
    // Each round asks the judge once and the LLM proposer (one more pool tool) at least once.
    assertThat(requests.get()).isGreaterThanOrEqualTo(18);
    assertThat(trials.get(0).attributes().get("tool_seconds").toString()).contains("llm=");
  }

  @Test
  void theLlmAsProposerRunsAloneAndFallsBackWhenItRepeatsItself() throws Exception {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    CliProcess.Result run = CliProcess.run(dir, "run", "s.yaml", "--trials", "3", "--optimizer", "llm",
        "--llm-url", url, "--llm-model", "tiny", "--seed", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Trial> trials = trials();
    assertThat(trials).hasSize(3).allMatch(t -> t.tool().equals("llm"));
    assertThat(trials.get(0).config().getDouble("x")).isEqualTo(0.25);
    assertThat(trials.get(0).attributes()).containsEntry("llm_fallback", false);
    // The scripted model always answers the same config: later answers are repeats, rejected, then random.
    assertThat(trials.get(1).attributes()).containsEntry("llm_fallback", true);
  }

  @Test
  void anUnreachableServerLeavesTheChoiceToTheBuiltinJudge() throws Exception {
    server.stop(0);
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    CliProcess.Result run = CliProcess.run(dir, "run", "s.yaml", "--trials", "4", "--optimizer", "asap",
        "--judge", "llm", "--llm-url", url, "--llm-model", "tiny", "--llm-timeout", "2s");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(trials()).hasSize(4).allMatch(Trial::isComplete)
        .allMatch(t -> t.attributes().get("reason").toString().startsWith("LLM judge failed (unreachable"));
  }

  @Test
  void inconsistentFlagsAreRefusedWithAClearMessage() throws Exception {
    CliProcess.Result noUrl = CliProcess.run(dir, "run", "s.yaml", "--trials", "2", "--optimizer", "asap",
        "--judge", "llm");
    assertThat(noUrl.exitCode()).isEqualTo(2);
    assertThat(noUrl.err()).contains("--llm-url").contains("--llm-model");
    CliProcess.Result notPool = CliProcess.run(dir, "run", "s.yaml", "--trials", "2", "--optimizer", "gp",
        "--judge", "llm");
    assertThat(notPool.exitCode()).isEqualTo(2);
    assertThat(notPool.err()).contains("--optimizer asap");
  }
}
