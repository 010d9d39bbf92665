package dev.rampart.spi.source;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A file cannot be read as an input: it is missing, no regular file, too large, not UTF-8 text or
 * unreadable. The message names the file, says why, and gives the fix.
 */
@API(status = INTERNAL, since = "0.1")
public final class InputFileException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a file cannot be read; callers may choose their own fix for a kind. */
  public enum Kind {
    /** There is no such file. */
    MISSING,
    /** It is a directory. */
    DIRECTORY,
    /** It is a device, FIFO or socket, which could be endless or never end. */
    NOT_REGULAR,
    /** It is larger than the limit for its kind of input. */
    TOO_LARGE,
    /** Its bytes are not UTF-8 text. */
    NOT_UTF8,
    /** The file system refused to read it (permissions, I/O error). */
    UNREADABLE
  }

  private final transient Path file;
  private final Kind kind;
  private final String reason;
  private final String fix;

  InputFileException(Path file, Kind kind, String reason, String fix) {
    super(file + ": " + reason + " (" + fix + ")");
    this.file = Objects.requireNonNull(file, "file");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.fix = Objects.requireNonNull(fix, "fix");
  }

  /** The file, as named. */
  public Path file() {
    return file;
  }

  /** Why it cannot be read. */
  public Kind kind() {
    return kind;
  }

  /** Why it cannot be read, as a phrase that follows the file's name: {@code is larger than 65536 bytes}. */
  public String reason() {
    return reason;
  }

  /** What to do about it: {@code check the path}. */
  public String fix() {
    return fix;
  }

  /**
   * The problem as a fact source states it: {@code cannot read 'scan.xml': it is a directory (give the
   * path of an nmap -oX file)}.
   *
   * @param name the file as the user named it
   * @param expected what the user should name instead of a directory or device, e.g. {@code an nmap -oX file}
   */
  public String cannotRead(String name, String expected) {
    String prefix = "cannot read '" + name + "': ";
    return switch (kind) {
      case MISSING -> prefix + "no such file (check the path)";
      case DIRECTORY, NOT_REGULAR -> prefix + "it " + reason + " (give the path of " + expected + ")";
      case TOO_LARGE, NOT_UTF8, UNREADABLE -> prefix + "it " + reason + " (" + fix + ")";
    };
  }
}
