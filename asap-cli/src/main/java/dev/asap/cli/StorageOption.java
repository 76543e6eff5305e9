package dev.asap.cli;

import java.nio.file.Path;

/** Where studies live when no {@code --storage} is given: an SQLite file {@code asap.db} in a directory. */
final class StorageOption {
  static final String DEFAULT_FILE = "asap.db";

  private StorageOption() {}

  static String orDefault(String url, Path directory) {
    if (url != null && !url.isBlank()) {
      return url;
    }
    return "sqlite:" + directory.resolve(DEFAULT_FILE).toAbsolutePath().normalize();
  }
}
