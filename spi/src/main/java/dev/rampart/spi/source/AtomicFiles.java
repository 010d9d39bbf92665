package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The one way Rampart replaces a file it writes (reports, baselines, {@code pack.sig}): readers see
 * either the old content or the complete new one, never a part; the counterpart of {@link InputFiles}.
 */
@API(status = STABLE, since = "0.1")
public final class AtomicFiles {

  /** Writes content to a writer. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes UTF-8 text to a temporary file beside {@code target}, flushed to the disk, then moves it
   * over {@code target}. The file gets the permissions of any file the user creates.
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    // not Files.createTempFile, whose file only its owner may read: a report is for the whole team
    Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8.newEncoder(), -1))) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
