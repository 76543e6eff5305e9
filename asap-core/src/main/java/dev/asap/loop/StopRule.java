package dev.asap.loop;

import java.util.Optional;
import java.util.SortedMap;

/** Why a running trial should stop, given what it reported so far, or empty: the scheduler's verdict. */
@FunctionalInterface
interface StopRule {
  StopRule NEVER = (number, reports) -> Optional.empty();

  Optional<String> check(int number, SortedMap<Long, Double> reports);
}
