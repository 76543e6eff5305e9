package dev.asap.bench.report;

import dev.asap.bench.task.TaskReference;

/** A benchmarked task as the report sees it: its name, family and reference numbers. */
public record TaskEntry(String name, String family, TaskReference reference) {}
