package dev.rampart.engine.internal.signing;

import dev.rampart.engine.KeyFileException;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Reading and writing the small text files that hold keys. */
public final class KeyFiles {

  /** Largest key file read; a PEM Ed25519 key has about 120 bytes. */
  private static final int MAX_BYTES = 64 * 1024;

  private KeyFiles() {}

  /**
   * The text of a key file.
   *
   * @throws KeyFileException if it does not exist, cannot be read, is too large or is not text
   */
  public static String readText(Path file) throws KeyFileException {
    byte[] bytes;
    try {
      bytes = InputFiles.read(file, MAX_BYTES);
    } catch (InputFileException e) {
      throw new KeyFileException(file + ": the key file " + e.reason() + " ("
          + (e.kind() == InputFileException.Kind.TOO_LARGE ? "this is no key file" : e.fix()) + ")");
    }
    try {
      return StandardCharsets.US_ASCII.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new KeyFileException(file + ": is not a PEM text file (a binary DER key? convert it with"
          + " 'openssl pkey -inform DER -in KEY -out KEY.pem')");
    }
  }

  /**
   * Writes a new file; {@code ownerOnly} makes it readable and writable by its owner alone where the
   * file system has POSIX permissions. See {@link #writeNew(List)}.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the file exists
   */
  public static void writeNew(Path file, String text, boolean ownerOnly) throws IOException {
    writeNew(List.of(new NewFile(file, text, ownerOnly)));
  }

  /**
   * Writes new files whole or not at all: each to a temporary file beside it first, flushed to the
   * disk, then all moved into place atomically, in the order given, never over an existing file. A
   * write stopped at any point leaves no file cut short under its name, and a failure removes the files
   * already moved into place, so a private key is never left without its public key.
   *
   * @throws java.nio.file.FileAlreadyExistsException if one of the files exists
   */
  public static void writeNew(List<NewFile> files) throws IOException {
    List<Path> temporaries = new ArrayList<>();
    List<Path> placed = new ArrayList<>();
    boolean done = false;
    try {
      for (NewFile file : files) {
        temporaries.add(writeTemporary(file));
      }
      for (int i = 0; i < files.size(); i++) {
        Path target = files.get(i).path();
        // ATOMIC_MOVE may replace a file (rename(2) does); a file there already is refused first
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(temporaries.get(i), target, StandardCopyOption.ATOMIC_MOVE);
        placed.add(target);
      }
      done = true;
    } finally {
      if (!done) {
        for (Path target : placed) {
          Files.deleteIfExists(target);
        }
      }
      for (Path temporary : temporaries) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  private static Path writeTemporary(NewFile file) throws IOException {
    Path directory = file.path().toAbsolutePath().getParent();
    boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attributes = file.ownerOnly() && posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    // not Files.createTempFile, whose file only its owner may read: a public key file is for everyone
    Path temporary = directory.resolve("." + file.path().getFileName() + "." + UUID.randomUUID() + ".tmp");
    // the permissions are set as the file is created, so a private key is never readable by others
    try (FileChannel channel = FileChannel.open(temporary,
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
      ByteBuffer bytes = ByteBuffer.wrap(file.text().getBytes(StandardCharsets.US_ASCII));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    return temporary;
  }

  /**
   * A key file to write.
   *
   * @param path where it goes
   * @param text its text, US-ASCII
   * @param ownerOnly whether only its owner may read and write it
   */
  public record NewFile(Path path, String text, boolean ownerOnly) {

    public NewFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(text, "text");
    }
  }
}
