package dev.asap.store.jdbc;

import dev.asap.store.InMemoryStore;
import dev.asap.store.StoreException;
import dev.asap.store.StudyStore;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a store URL, as given on a command line or in a config file, into a store.
 *
 * <ul>
 *   <li>{@code memory:} a store that lives as long as the process
 *   <li>{@code sqlite:PATH}, {@code sqlite://PATH} or a plain path ending in {@code .db} or {@code .sqlite}: an
 *       SQLite file; relative paths are resolved against the current directory ({@code sqlite:///abs/x.db} is
 *       absolute)
 * </ul>
 */
public final class StoreUrls {
  static final String ACCEPTED = "accepted store URLs: memory: | sqlite:PATH | sqlite://PATH | PATH.db | PATH.sqlite";

  private StoreUrls() {}

  /** Opens the store the URL names for reading and writing; an SQLite file's directory must exist. */
  public static StudyStore open(String url) {
    return open(url, false);
  }

  /** Opens the store the URL names, creating an SQLite file's missing directories when asked to. */
  public static StudyStore open(String url, boolean createDirectories) {
    return sqlitePath(url).<StudyStore>map(p -> SqliteStore.open(p, createDirectories)).orElseGet(InMemoryStore::new);
  }

  /** Opens an existing store to read it, creating and changing nothing (see {@link SqliteStore#openReadOnly}). */
  public static StudyStore openReadOnly(String url) {
    return sqlitePath(url).<StudyStore>map(SqliteStore::openReadOnly).orElseGet(InMemoryStore::new);
  }

  /** Says in words what the URL names, e.g. {@code SQLite file /abs/path/study.db}, without opening it. */
  public static String describe(String url) {
    return sqlitePath(url).map(p -> "SQLite file " + p).orElse("in-memory store (lost when the process exits)");
  }

  /** The SQLite file of the URL, empty for {@code memory:}; throws for anything else. */
  private static Optional<Path> sqlitePath(String url) {
    String u = url == null ? "" : url.trim();
    String lower = u.toLowerCase(Locale.ROOT);
    if (lower.equals("memory:")) {
      return Optional.empty();
    }
    if (lower.startsWith("postgresql:") || lower.startsWith("postgres:")) {
      throw new StoreException("PostgreSQL stores are not available yet; use an SQLite file shared by all workers,"
          + " e.g. sqlite:study.db (" + ACCEPTED + ")");
    }
    if (lower.startsWith("sqlite://")) {
      return Optional.of(toPath(u.substring("sqlite://".length()), url));
    }
    if (lower.startsWith("sqlite:")) {
      return Optional.of(toPath(u.substring("sqlite:".length()), url));
    }
    if (lower.endsWith(".db") || lower.endsWith(".sqlite")) {
      return Optional.of(toPath(u, url));
    }
    throw new StoreException("unknown store URL '" + url + "'; " + ACCEPTED);
  }

  private static Path toPath(String path, String url) {
    if (path.isEmpty()) {
      throw new StoreException("store URL '" + url + "' names no file; " + ACCEPTED);
    }
    // The shell does not expand ~ inside sqlite:~/x.db, so do it here.
    if (path.equals("~") || path.startsWith("~/")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    try {
      return Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new StoreException("store URL '" + url + "' names an invalid path: " + e.getMessage(), e);
    }
  }
}
