package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The one way Rampart opens a file it reads (packs, inventories, scans, exports, waivers, baselines,
 * keys, certificates, fixtures): a regular file only, so a FIFO cannot hang a run and a device such as
 * {@code /dev/zero} cannot fill the heap, and its size is capped before and while it is read.
 */
@API(status = INTERNAL, since = "0.1")
public final class InputFiles {

  private InputFiles() {}

  /**
   * The bytes of a regular file of at most {@code maxBytes} bytes; a file that grows while it is
   * read is refused as well.
   *
   * @throws InputFileException naming the file, the reason and the fix
   */
  public static byte[] read(Path file, long maxBytes) throws InputFileException {
    if (maxBytes < 0 || maxBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxBytes must be between 0 and 2 GiB: " + maxBytes);
    }
    BasicFileAttributes attributes = regularFile(file);
    if (attributes.size() > maxBytes) {
      throw tooLarge(file, maxBytes);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) maxBytes + 1);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    if (bytes.length > maxBytes) {
      throw tooLarge(file, maxBytes);
    }
    return bytes;
  }

  /**
   * The text of a regular UTF-8 file of at most {@code maxBytes} bytes.
   *
   * @throws InputFileException naming the file, the reason and the fix
   */
  public static String readUtf8(Path file, long maxBytes) throws InputFileException {
    return utf8(read(file, maxBytes)).orElseThrow(
        () -> new InputFileException(file, InputFileException.Kind.NOT_UTF8, "is not UTF-8 text", "save it as UTF-8"));
  }

  /** The text of strict UTF-8 bytes; empty when they are no UTF-8 (never replaced with U+FFFD). */
  public static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * A buffered stream over a regular file, for readers that stream a file of any size and bound what
   * they keep themselves (one host, one device at a time); the stream fails with an
   * {@link IOException} naming the limit once more than {@code maxBytes} bytes were read.
   *
   * @throws InputFileException naming the file, the reason and the fix
   */
  public static InputStream open(Path file, long maxBytes) throws InputFileException {
    BasicFileAttributes attributes = regularFile(file);
    if (attributes.size() > maxBytes) {
      throw tooLarge(file, maxBytes);
    }
    try {
      return new Capped(new BufferedInputStream(Files.newInputStream(file)), file, maxBytes);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** The attributes of a regular file, following symbolic links. */
  private static BasicFileAttributes regularFile(Path file) throws InputFileException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new InputFileException(file, InputFileException.Kind.MISSING, "does not exist", "check the path");
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    if (attributes.isDirectory()) {
      throw new InputFileException(
          file, InputFileException.Kind.DIRECTORY, "is a directory", "name the file itself");
    }
    if (!attributes.isRegularFile()) {
      throw new InputFileException(file, InputFileException.Kind.NOT_REGULAR,
          "is not a regular file: a device, FIFO or socket is never read", "save the input to a file and name that");
    }
    return attributes;
  }

  private static InputFileException tooLarge(Path file, long maxBytes) {
    return new InputFileException(file, InputFileException.Kind.TOO_LARGE,
        "is larger than " + maxBytes + " bytes", "is this the right file? split it if it is");
  }

  private static InputFileException unreadable(Path file, IOException e) {
    if (e instanceof AccessDeniedException) {
      return new InputFileException(
          file, InputFileException.Kind.UNREADABLE, "cannot be read: permission denied", "check the file's permissions");
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new InputFileException(
        file, InputFileException.Kind.UNREADABLE, "cannot be read: " + reason, "check that the file can be read");
  }

  /** Fails once more than its limit was read: a file that grew after its size was checked. */
  private static final class Capped extends InputStream {

    private final InputStream in;
    private final Path file;
    private final long maxBytes;
    private long read;

    Capped(InputStream in, Path file, long maxBytes) {
      this.in = in;
      this.file = file;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > maxBytes) {
        throw new IOException(file + " is larger than " + maxBytes + " bytes (it grew while it was read)");
      }
    }
  }
}
