package dev.asap.loop;

/** Whether a run prepares its next proposal while a trial is evaluated (see {@link Speculator}). */
public enum SpeculationMode {
  OFF,
  ON,
  /** On while proposing costs a noticeable share of an evaluation (see {@link SpeculationPolicy}). */
  AUTO
}
