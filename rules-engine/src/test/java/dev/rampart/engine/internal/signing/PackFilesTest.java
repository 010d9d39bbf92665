package dev.rampart.engine.internal.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rampart.engine.value.Problem;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file read beside a classpath pack directory (the built-in key beside the built-in packs) is
 * read like every input, through InputFiles: a regular file of bounded size, or a problem naming it.
 */
class PackFilesTest {

  @TempDir Path root;
  private URL pack;

  @BeforeEach
  void aPackDirectoryOnTheClasspath() throws Exception {
    Path directory = Files.createDirectories(root.resolve("packs/site"));
    pack = Files.writeString(directory.resolve("pack.yaml"), "kind: RulePack\n").toUri().toURL();
  }

  @Test
  void theFileBesideIsReadWhenItIsThereAndNullWhenItIsNot() throws Exception {
    Files.writeString(root.resolve("packs/beside.pub"), "a key\n");

    assertArrayEquals("a key\n".getBytes(StandardCharsets.US_ASCII),
        PackFiles.ofClasspath(pack, "packs/site/pack.yaml", "beside.pub").beside());
    assertNull(PackFiles.ofClasspath(pack, "packs/site/pack.yaml", "absent.pub").beside());
  }

  @Test
  void aFifoBesideIsRefusedInsteadOfHanging() throws Exception {
    Path fifo = root.resolve("packs/beside.pub");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");

    UnreadablePack refused = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
        UnreadablePack.class, () -> PackFiles.ofClasspath(pack, "packs/site/pack.yaml", "beside.pub")));

    assertEquals(List.of(new Problem(fifo.toString(), 0, 0, null,
            "is not a regular file: a device, FIFO or socket is never read", "save the input to a file and name that")),
        refused.problems());
  }

  @Test
  void aFileBesideLargerThanAKeyFileCanBeIsRefused() throws Exception {
    Path large = Files.writeString(root.resolve("packs/beside.pub"), "k".repeat(PackFiles.MAX_BESIDE_BYTES + 1));

    UnreadablePack refused = assertThrows(
        UnreadablePack.class, () -> PackFiles.ofClasspath(pack, "packs/site/pack.yaml", "beside.pub"));

    assertEquals(List.of(new Problem(large.toString(), 0, 0, null,
            "is larger than 65536 bytes", "is this the right file? split it if it is")),
        refused.problems());
  }
}
