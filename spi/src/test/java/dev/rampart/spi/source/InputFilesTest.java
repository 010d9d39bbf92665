package dev.rampart.spi.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input file is a regular file whose size is capped, or a one-line reason with the fix. */
class InputFilesTest {

  @TempDir Path dir;

  @Test
  void aRegularFileWithinTheLimitIsReadWhole() throws Exception {
    Path file = Files.writeString(dir.resolve("waivers.yaml"), "kind: waivers\n");

    assertEquals("kind: waivers\n", InputFiles.readUtf8(file, 14));
    assertArrayEquals("kind: waivers\n".getBytes(StandardCharsets.UTF_8), InputFiles.read(file, 100));
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    Path file = Files.writeString(dir.resolve("big.json"), "12345");

    InputFileException e = assertThrows(InputFileException.class, () -> InputFiles.read(file, 4));

    assertEquals(InputFileException.Kind.TOO_LARGE, e.kind());
    assertEquals(file + ": is larger than 4 bytes (is this the right file? split it if it is)", e.getMessage());
  }

  @Test
  void aDeviceIsRefusedAtOnceInsteadOfFillingTheHeap() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "needs /dev/zero");

    InputFileException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> assertThrows(InputFileException.class, () -> InputFiles.read(zero, 1024)));

    assertEquals("/dev/zero: is not a regular file: a device, FIFO or socket is never read"
        + " (save the input to a file and name that)", e.getMessage());
  }

  @Test
  void aFifoIsRefusedInsteadOfHanging() throws Exception {
    Path fifo = dir.resolve("pipe");
    assumeTrue(mkfifo(fifo), "needs mkfifo");

    InputFileException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> assertThrows(InputFileException.class, () -> InputFiles.open(fifo, Long.MAX_VALUE)));

    assertEquals(InputFileException.Kind.NOT_REGULAR, e.kind());
  }

  @Test
  void aMissingFileAndADirectorySayWhatToName() {
    InputFileException missing =
        assertThrows(InputFileException.class, () -> InputFiles.read(dir.resolve("nope.yaml"), 10));
    InputFileException directory = assertThrows(InputFileException.class, () -> InputFiles.read(dir, 10));

    assertEquals(dir.resolve("nope.yaml") + ": does not exist (check the path)", missing.getMessage());
    assertEquals(dir + ": is a directory (name the file itself)", directory.getMessage());
  }

  @Test
  void textThatIsNotUtf8IsRefused() throws Exception {
    Path file = Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', (byte) 0xE9});

    InputFileException e = assertThrows(InputFileException.class, () -> InputFiles.readUtf8(file, 10));

    assertEquals(file + ": is not UTF-8 text (save it as UTF-8)", e.getMessage());
  }

  @Test
  void aStreamStopsAtItsLimitWhenTheFileGrewAfterTheCheck() throws Exception {
    Path file = Files.writeString(dir.resolve("scan.xml"), "1234");
    try (InputStream in = InputFiles.open(file, 4)) {
      Files.writeString(file, "123456789");
      IOException e = assertThrows(IOException.class, in::readAllBytes);
      assertEquals(file + " is larger than 4 bytes (it grew while it was read)", e.getMessage());
    }
  }

  private static boolean mkfifo(Path fifo) {
    try {
      return new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
