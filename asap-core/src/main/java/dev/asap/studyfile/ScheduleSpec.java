package dev.asap.studyfile;

import java.util.Map;

/** The scheduler a study file names ({@code scheduler: asha} or {@code {name: percentile, percentile: 25}}). */
public record ScheduleSpec(String name, Map<String, Double> settings) {
  public ScheduleSpec {
    settings = Map.copyOf(settings);
  }
}
