package dev.asap.loop;

import dev.asap.objective.Evaluation;
import dev.asap.objective.FailureKind;
import dev.asap.objective.Objective;
import dev.asap.objective.TrialFailedException;
import dev.asap.objective.TrialPrunedException;
import dev.asap.space.Config;
import dev.asap.trial.TrialState;
import java.util.Map;

/**
 * Runs an objective once and classifies what happened: every outcome, including exceptions and
 * non-finite values, becomes a state with a reason; nothing escapes except interruption.
 */
record EvaluationResult(TrialState state, Double value, String error, Double costSeconds, double measuredSeconds,
    Map<String, Object> attributes) {
  /** The trial attribute that names a failed trial's {@link FailureKind}. */
  static final String FAILURE_ATTRIBUTE = "failure";

  static EvaluationResult of(Objective objective, Config config, RecordingContext context)
      throws InterruptedException {
    long t0 = System.nanoTime();
    try {
      Evaluation e = objective.evaluate(config, context);
      double measured = seconds(t0);
      if (e == null) {
        return failed("the objective returned no result", FailureKind.BAD_RESULT, null, measured);
      }
      Double cost = e.costSeconds();
      if (cost != null && !(Double.isFinite(cost) && cost >= 0)) {
        return failed("the reported cost is " + cost + " seconds; it must be a finite number >= 0",
            FailureKind.BAD_RESULT, null, measured);
      }
      if (!e.isFeasible()) {
        return new EvaluationResult(TrialState.INFEASIBLE, null, e.infeasibleReason(), cost, measured,
            e.attributes());
      }
      if (!Double.isFinite(e.value())) {
        return failed("the objective value is " + e.value() + ", not a finite number", FailureKind.BAD_RESULT, cost,
            measured);
      }
      Map<String, Object> attributes = e.attributes();
      if (context.stepWarning() != null) {
        attributes = new java.util.LinkedHashMap<>(attributes);
        attributes.put("step_warning", context.stepWarning());
      }
      return new EvaluationResult(TrialState.COMPLETE, e.value(), null, cost, measured, attributes);
    } catch (InterruptedException e) {
      throw e;
    } catch (TrialPrunedException e) {
      Map<String, Object> attributes = new java.util.LinkedHashMap<>();
      if (context.lastStep() != null) {
        attributes.put("pruned_at_step", context.lastStep());
      }
      if (context.stepWarning() != null) {
        attributes.put("step_warning", context.stepWarning());
      }
      String reason = context.stopReason() != null ? context.stopReason() : e.getMessage();
      Double cost = e.costSeconds() != null && Double.isFinite(e.costSeconds()) && e.costSeconds() >= 0
          ? e.costSeconds() : null;
      return new EvaluationResult(TrialState.PRUNED, context.lastReported(), reason, cost, seconds(t0), attributes);
    } catch (TrialFailedException e) {
      return failed(e.getMessage(), e.kind(), e.costSeconds(), seconds(t0));
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted");
      }
      return failed("the objective threw " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), FailureKind.OTHER, null, seconds(t0));
    }
  }

  /** A failed evaluation is charged what it reported costing, like any other: a crash is not free. */
  private static EvaluationResult failed(String reason, FailureKind kind, Double cost, double measured) {
    Double charged = cost != null && Double.isFinite(cost) && cost >= 0 ? cost : null;
    return new EvaluationResult(TrialState.FAILED, null, reason, charged, measured,
        Map.of(FAILURE_ATTRIBUTE, kind.label()));
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Seconds to charge: the objective's own cost when it reports one, else what it really took. */
  double chargedSeconds() {
    return costSeconds != null ? costSeconds : measuredSeconds;
  }
}
