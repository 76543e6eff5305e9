package dev.asap.bench.prior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerRanksTest {
  @TempDir
  Path dir;

  private Path ledger() throws Exception {
    Path csv = dir.resolve("final.csv");
    Files.writeString(csv, """
        task,family,optimizer,seed,budget,unit,best,normalised_regret
        a,synthetic,gp,0,50.0,trials,1,0.1
        a,synthetic,gp,1,50.0,trials,1,0.3
        a,synthetic,random,0,50.0,trials,1,0.5
        a,synthetic,random,1,50.0,trials,1,0.5
        a,synthetic,asap,0,50.0,trials,1,0.0
        a,synthetic,gp,0,100.0,trials,1,0.9
        b,hpolib,gp,0,50.0,trials,1,0.4
        b,hpolib,random,0,50.0,trials,1,0.2
        c,hpolib,gp,0,50.0,trials,1,0.2
        c,hpolib,random,0,50.0,trials,1,0.2
        """);
    return csv;
  }

  @Test
  void ranksTheSingleToolsPerTaskAndAveragesOverTheFamiliesKept() throws Exception {
    LedgerRanks ranks = LedgerRanks.read(ledger(), 50);

    // a: gp 0.2 < random 0.5; b: random first; c: a tie shares rank 1.5. The pool's row is left out.
    assertThat(ranks.meanRanks(null)).containsOnlyKeys("gp", "random")
        .containsEntry("gp", (1 + 2 + 1.5) / 3).containsEntry("random", (2 + 1 + 1.5) / 3);
    assertThat(ranks.meanRanks("hpolib")).containsEntry("gp", 1.0).containsEntry("random", 2.0);
    assertThat(ranks.prior("hpolib").rate().get("gp")).isEqualTo(0.8);
    assertThat(ranks.families()).containsExactlyInAnyOrder("synthetic", "hpolib");
  }

  @Test
  void saysWhatIsWrongWithALedgerItCannotUse() throws Exception {
    Path bad = dir.resolve("runs.csv");
    Files.writeString(bad, "task,optimizer,seed\na,gp,0\n");
    assertThatThrownBy(() -> LedgerRanks.read(bad, 50)).hasMessageContaining("no column 'family'");
    assertThatThrownBy(() -> LedgerRanks.read(ledger(), 20)).hasMessageContaining("no single-tool rows at budget 20");
    // At budget 100 only a synthetic task has rows: leaving its family out leaves nothing to fit on.
    assertThatThrownBy(() -> LedgerRanks.read(ledger(), 100).meanRanks("synthetic"))
        .hasMessageContaining("leaves no task");
  }
}
