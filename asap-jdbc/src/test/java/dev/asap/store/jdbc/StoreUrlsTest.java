package dev.asap.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asap.store.InMemoryStore;
import dev.asap.store.StoreException;
import dev.asap.store.StudyStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreUrlsTest {
  @TempDir Path dir;

  private static final Path CWD = Path.of("").toAbsolutePath();

  @Test
  void memoryIsTheInMemoryStore() {
    try (StudyStore store = StoreUrls.open("memory:")) {
      assertThat(store).isInstanceOf(InMemoryStore.class);
    }
    assertThat(StoreUrls.describe("memory:")).contains("in-memory");
  }

  @Test
  void sqliteUrlsOpenAnSqliteFile() {
    Path file = dir.resolve("sub/study.db");
    for (String url : new String[] {"sqlite:" + file, "sqlite://" + file, file.toString()}) {
      try (StudyStore store = StoreUrls.open(url, true)) {
        assertThat(store).isInstanceOf(SqliteStore.class);
        assertThat(((SqliteStore) store).file()).isEqualTo(file);
      }
    }
    assertThat(file).isRegularFile();
  }

  @Test
  void relativePathsResolveAgainstTheCurrentDirectory() {
    assertThat(StoreUrls.describe("sqlite:runs/study.db")).isEqualTo("SQLite file " + CWD.resolve("runs/study.db"));
    assertThat(StoreUrls.describe("sqlite://runs/study.db")).isEqualTo("SQLite file " + CWD.resolve("runs/study.db"));
    assertThat(StoreUrls.describe("study.sqlite")).isEqualTo("SQLite file " + CWD.resolve("study.sqlite"));
    assertThat(StoreUrls.describe("./a/../study.db")).isEqualTo("SQLite file " + CWD.resolve("study.db"));
    assertThat(StoreUrls.describe("sqlite:study")).isEqualTo("SQLite file " + CWD.resolve("study"));
  }

  @Test
  void absolutePathsStayAbsolute() {
    assertThat(StoreUrls.describe("sqlite:///tmp/x/study.db")).isEqualTo("SQLite file /tmp/x/study.db");
    assertThat(StoreUrls.describe("sqlite:/tmp/x/study.db")).isEqualTo("SQLite file /tmp/x/study.db");
    assertThat(StoreUrls.describe("/tmp/x/study.db")).isEqualTo("SQLite file /tmp/x/study.db");
  }

  @Test
  void homeIsExpanded() {
    assertThat(StoreUrls.describe("sqlite:~/s.db"))
        .isEqualTo("SQLite file " + Path.of(System.getProperty("user.home"), "s.db"));
  }

  @Test
  void postgresqlIsNotAvailableYet() {
    assertThatThrownBy(() -> StoreUrls.open("postgresql://db.example.com/asap"))
        .isExactlyInstanceOf(StoreException.class)
        .hasMessageContaining("PostgreSQL")
        .hasMessageContaining("not available yet")
        .hasMessageContaining("sqlite:");
  }

  @Test
  void anythingElseListsTheAcceptedForms() {
    for (String url : new String[] {"mysql://x", "study.txt", "", "   ", null}) {
      assertThatThrownBy(() -> StoreUrls.open(url))
          .isExactlyInstanceOf(StoreException.class)
          .hasMessageContaining("memory:")
          .hasMessageContaining("sqlite:PATH")
          .hasMessageContaining(".db");
    }
    assertThatThrownBy(() -> StoreUrls.describe("sqlite:"))
        .isExactlyInstanceOf(StoreException.class).hasMessageContaining("names no file");
  }
}
