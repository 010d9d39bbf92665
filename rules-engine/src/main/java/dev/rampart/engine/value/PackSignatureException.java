package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.value.Problem;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A rule pack was refused because its signature does not check out, or a pack could not be signed;
 * {@link #reason()} says which case it is and {@link #problems()} names each file concerned.
 */
@API(status = STABLE, since = "0.1")
public final class PackSignatureException extends Exception {

  private static final long serialVersionUID = 1L;

  private final Reason reason;
  private final List<Problem> problems;

  /**
   * @param summary the first line of the message, e.g. {@code rule pack site/pack.yaml is refused: it is not signed}
   */
  public PackSignatureException(Reason reason, String summary, List<Problem> problems) {
    super(format(summary, problems));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.problems = List.copyOf(problems);
  }

  public Reason reason() {
    return reason;
  }

  /** Every problem found, each naming its file (and, in a signature file, its line). */
  public List<Problem> problems() {
    return problems;
  }

  /** Every problem found, in the model every Rampart error shares. */
  public List<dev.rampart.spi.source.Problem> details() {
    return problems.stream().map(Problem::detail).toList();
  }

  // Called before the constructor's own checks could run, so an empty list is refused here.
  private static String format(String summary, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a PackSignatureException needs at least one problem");
    }
    StringBuilder text = new StringBuilder(summary);
    for (int i = 0; i < problems.size(); i++) {
      text.append(System.lineSeparator()).append(i + 1).append(". ").append(problems.get(i));
    }
    return text.toString();
  }

  /** Why a pack was refused. */
  public enum Reason {
    /** There is no {@code pack.sig} beside the pack. */
    UNSIGNED("it is not signed"),
    /** {@code pack.sig} is not in the format: truncated, edited, or of another version. */
    MALFORMED("its signature file is malformed"),
    /** {@code pack.sig} names a key that is not trusted for the pack. */
    UNTRUSTED_KEY("it is signed by a key that is not trusted"),
    /** The signature in {@code pack.sig} does not match its manifest with the key it names. */
    BAD_SIGNATURE("its signature does not match its manifest"),
    /** A file was added, removed or changed after the pack was signed. */
    MODIFIED("files changed after it was signed"),
    /** The pack's files cannot be read, or include something that cannot be signed. */
    UNREADABLE("its files cannot be read"),
    /**
     * The pack loaded, or one of its bases, is not the pack that was signed: another id or version
     * than the signature names, e.g. a base swapped for another signed pack.
     */
    NOT_THE_SIGNED_PACK("it is not the pack that was signed"),
    /** The pack's version is below the minimum required for its id. */
    BELOW_MINIMUM_VERSION("its version is below the minimum required");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    /** The reason in words, e.g. {@code it is not signed}. */
    public String description() {
      return description;
    }
  }
}
