package dev.asap.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The study name and store shared by the commands that read a stored study. */
final class StudyLocation {
  @Parameters(index = "0", paramLabel = "NAME", description = "the study's name")
  String name;

  @Option(names = "--storage", paramLabel = "URL",
      description = "where the study is kept: sqlite:FILE or memory: (default: sqlite:asap.db in this directory)")
  String storage;

  String url() {
    return StorageOption.orDefault(storage, Path.of(""));
  }
}
