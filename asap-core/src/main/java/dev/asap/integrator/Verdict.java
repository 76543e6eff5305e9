package dev.asap.integrator;

import java.util.Map;

/**
 * A judge's choice: which candidate, a one-line reason for people, and the evidence behind it as data
 * (scores, credits) so that any choice can be audited afterwards.
 */
public record Verdict(int index, String reason, Map<String, Object> evidence) {
  public Verdict {
    evidence = Map.copyOf(evidence);
  }
}
