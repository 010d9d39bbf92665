package dev.rampart.spi.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report is replaced whole or not at all: a writer that fails leaves the old file and no temporary one. */
class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void writesTheWholeContent() throws IOException {
    Path target = dir.resolve("report.json");

    AtomicFiles.write(target, out -> out.write("{\"complete\": true}"));

    assertEquals("{\"complete\": true}", Files.readString(target));
    assertEquals(List.of(target), filesIn(dir));
  }

  // a report is for the whole CI job or team, like any file the user creates: not only for its owner,
  // as the temporary file that Files.createTempFile makes would leave it
  @Test
  void aReportGetsThePermissionsOfAnyNewFileNotOwnerOnly() throws IOException {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    Path plain = Files.createFile(dir.resolve("plain.txt"));
    Path target = dir.resolve("report.json");

    AtomicFiles.write(target, out -> out.write("{}"));

    assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }

  @Test
  void aWriterThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path target = Files.writeString(dir.resolve("report.json"), "yesterday's report");

    IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      out.write("{\"results\": [" + "{},".repeat(100_000));
      throw new IOException("disk full");
    }));

    assertEquals("disk full", failure.getMessage());
    assertEquals("yesterday's report", Files.readString(target));
    assertEquals(List.of(target), filesIn(dir));
  }

  @Test
  void aWriterThatFailsUncheckedLeavesNoTemporaryFileEither() throws IOException {
    Path target = dir.resolve("report.html");

    assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
      out.write("<html>");
      throw new IllegalStateException("a bug in a report writer");
    }));

    assertEquals(List.of(), filesIn(dir));
  }

  @Test
  void textThatCannotBeEncodedFailsWithoutTouchingTheOldFile() throws IOException {
    Path target = Files.writeString(dir.resolve("report.txt"), "yesterday's report");

    assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> out.write("cam-\ud800-01")));

    assertEquals("yesterday's report", Files.readString(target));
    assertEquals(List.of(target), filesIn(dir));
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }
}
