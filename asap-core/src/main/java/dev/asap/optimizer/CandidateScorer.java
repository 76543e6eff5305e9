package dev.asap.optimizer;

import dev.asap.space.Config;
import java.util.List;

/**
 * A tool whose fitted model can score any config, so that a judge can compare other tools' proposals under
 * it. Scores refer to the model fitted by the tool's latest {@code propose} call.
 */
public interface CandidateScorer {

  /**
   * Log expected improvement of each config (higher is better), or a score that orders configs as the tool's
   * expected improvement does (TPE's log density ratio); null while the tool has no model yet.
   */
  double[] logExpectedImprovement(List<Config> configs);

  /**
   * Each config's probability, under the latest model, of a loss (lower is better) below {@code threshold}, or
   * null while the tool has no model of the loss. A judge scores every model's forecast for the config that is
   * then evaluated, to learn which model to trust in this study.
   */
  default double[] probabilityBelow(List<Config> configs, double threshold) {
    return null;
  }

  /** The standard normal distribution function. */
  static double normalCdf(double z) {
    return 0.5 * org.hipparchus.special.Erf.erfc(-z / Math.sqrt(2));
  }
}
