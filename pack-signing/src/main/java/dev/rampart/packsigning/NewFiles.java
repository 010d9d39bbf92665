package dev.rampart.packsigning;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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

/** Writes the small text files that hold keys: new files only, whole or not at all. */
final class NewFiles {

  private NewFiles() {}

  /**
   * Writes a new file; {@code ownerOnly} makes it readable and writable by its owner alone where the
   * file system has POSIX permissions. See {@link #write(List)}.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the file exists
   */
  static void write(Path file, String text, boolean ownerOnly) throws IOException {
    write(List.of(new NewFile(file, text, ownerOnly)));
  }

  /**
   * Writes new files whole or not at all: each to a temporary file beside it first, flushed to the
   * disk, then all moved into place atomically, in the order given, never over an existing file. A
   * write stopped at any point leaves no file cut short under its name, and a failure removes the files
   * already moved into place, so a private key is never left without its public key.
   *
   * @throws java.nio.file.FileAlreadyExistsException if one of the files exists
   */
  static void write(List<NewFile> files) throws IOException {
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
  record NewFile(Path path, String text, boolean ownerOnly) {

    NewFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(text, "text");
    }
  }
}
