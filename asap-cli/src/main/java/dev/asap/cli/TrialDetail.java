package dev.asap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.asap.trial.Trial;
import java.io.PrintStream;
import java.util.Map;

/** Everything stored for one trial, for {@code asap show NAME --trial N}. */
final class TrialDetail {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TrialDetail() {}

  static void print(PrintStream out, Trial t) {
    out.printf("Trial %d: %s%n", t.number(), t.state().name().toLowerCase());
    if (t.value() != null) {
      out.println("Value:        " + Numbers.format(t.value()));
    }
    if (t.error() != null) {
      out.println((t.isComplete() ? "Note:" : "Reason:") + "       " + t.error().replace("\n", "\n              "));
    }
    out.println("Tool:         " + t.tool() + ", worker " + t.worker() + ", process " + t.owner());
    out.printf("Times:        start %s, end %s; proposing %s, evaluation %s, recording %s%n",
        Timestamps.format(t.start()), t.state().isFinished() ? Timestamps.format(t.end()) : "(running)",
        Numbers.seconds(t.timings().askSeconds()), Numbers.seconds(t.timings().evalSeconds()),
        Numbers.seconds(t.timings().tellSeconds()));
    out.println("Config:");
    t.config().values().forEach((k, v) -> out.printf("  %s: %s%n", k, Numbers.format(v)));
    if (!t.intermediate().isEmpty()) {
      out.println("Intermediate values (step: value):");
      t.intermediate().forEach((step, value) -> out.printf("  %d: %s%n", step, Numbers.format(value)));
    }
    if (!t.attributes().isEmpty()) {
      out.println("Attributes (the objective's own fields under \"user\"; the judge's reason, evidence and"
          + " alternatives):");
      out.println("  " + json(t.attributes()).replace("\n", "\n  "));
    }
  }

  private static String json(Map<String, Object> attributes) {
    try {
      return JSON.writeValueAsString(attributes);
    } catch (JsonProcessingException e) {
      return attributes.toString();
    }
  }
}
