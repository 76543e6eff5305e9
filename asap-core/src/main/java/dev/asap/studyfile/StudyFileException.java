package dev.asap.studyfile;

import java.nio.file.Path;

/**
 * A study file is wrong. The message reads {@code FILE:LINE:COLUMN: what is wrong; how to fix it}, or
 * {@code FILE: ...} when the problem has no position (e.g. the file cannot be read).
 */
public class StudyFileException extends IllegalArgumentException {
  private final Path file;
  private final int line;
  private final int column;

  /** {@code line} and {@code column} count from 1; 0 means the problem has no position in the file. */
  public StudyFileException(Path file, int line, int column, String message) {
    super(file + (line > 0 ? ":" + line + ":" + Math.max(1, column) : "") + ": " + message);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public Path file() {
    return file;
  }

  /** Line of the problem counting from 1, or 0 when it has no position. */
  public int line() {
    return line;
  }

  /** Column of the problem counting from 1, or 0 when it has no position. */
  public int column() {
    return column;
  }
}
