package dev.asap.optimizer;

import dev.asap.space.Config;
import java.util.List;

/**
 * A tool whose fitted model can score any config, so that a judge can compare other tools' proposals under
 * it. Scores refer to the model fitted by the tool's latest {@code propose} call.
 */
public interface CandidateScorer {

  /** Log expected improvement of each config (higher is better), or null while the tool has no model yet. */
  double[] logExpectedImprovement(List<Config> configs);
}
