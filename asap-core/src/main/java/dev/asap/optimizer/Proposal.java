package dev.asap.optimizer;

import dev.asap.space.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A config proposed by a tool, with the tool's prediction of its loss where the tool has a model
 * (null otherwise), the seconds spent computing it, and notes to keep on the trial (for instance why an
 * integrator chose it among other tools' proposals).
 */
public record Proposal(Config config, String tool, Prediction prediction, double computeSeconds,
    Map<String, Object> notes) {

  public Proposal {
    notes = Map.copyOf(notes);
  }

  public Proposal(Config config, String tool, Prediction prediction, double computeSeconds) {
    this(config, tool, prediction, computeSeconds, Map.of());
  }

  public Proposal withComputeSeconds(double seconds) {
    return new Proposal(config, tool, prediction, seconds, notes);
  }

  public Proposal withNotes(Map<String, Object> more) {
    Map<String, Object> all = new LinkedHashMap<>(notes);
    all.putAll(more);
    return new Proposal(config, tool, prediction, computeSeconds, all);
  }

  /** What to store on the trial: the prediction, if any, and the notes. */
  public Map<String, Object> trialAttributes() {
    Map<String, Object> out = new LinkedHashMap<>(notes);
    if (prediction != null) {
      out.put("predicted_mean", prediction.mean());
      out.put("predicted_spread", prediction.spread());
    }
    return out;
  }
}
