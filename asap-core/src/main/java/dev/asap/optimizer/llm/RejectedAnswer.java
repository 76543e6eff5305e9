package dev.asap.optimizer.llm;

/** An answer that gives no new valid config; the message is the reason, worded to be read by the model. */
final class RejectedAnswer extends Exception {
  RejectedAnswer(String reason) {
    super(reason, null, false, false);
  }
}
