package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A value the fact model refuses, such as port 70000 or the IP address {@code 999.1.1.1}: it names
 * the field path, quotes the value and says what a valid value looks like, e.g. {@code device 'cam-1':
 * services[2].port 70000 is not a port (ports are 1 to 65535)}.
 *
 * <p>A nested record (a service, a certificate) does not know where it sits: it names its own field,
 * and whoever places it in the enclosing record adds the steps before ({@link #within}) and the fact
 * ({@link #about}).
 */
@API(status = STABLE, since = "0.1")
public final class InvalidFactException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final @Nullable String subject;
  private final FieldPath path;
  private final String value;
  private final boolean text;
  private final String problem;
  private final String fix;

  /**
   * A refused value of a record's own field.
   *
   * @param field the record component's name
   * @param value the value as given: a text or a number
   * @param problem what is wrong, after the value: "is not a port"
   * @param fix what a valid value looks like: "ports are 1 to 65535"
   */
  public InvalidFactException(String field, Object value, String problem, String fix) {
    this(null, FieldPath.of(field), String.valueOf(value), value instanceof CharSequence, problem, fix);
  }

  /**
   * A refused element of a record's own list field.
   *
   * @param field the record component's name
   * @param index the element's index in the list as given
   * @param value the element as given: a text or a number
   * @param problem what is wrong, after the value: "is not an IP address"
   * @param fix what a valid value looks like
   */
  public InvalidFactException(String field, int index, Object value, String problem, String fix) {
    this(null, FieldPath.of(field).index(index), String.valueOf(value), value instanceof CharSequence,
        problem, fix);
  }

  private InvalidFactException(
      @Nullable String subject, FieldPath path, String value, boolean text, String problem, String fix) {
    super(message(subject, path, value, text, problem, fix));
    this.subject = subject;
    this.path = path;
    this.value = value;
    this.text = text;
    this.problem = Objects.requireNonNull(problem, "problem");
    this.fix = Objects.requireNonNull(fix, "fix");
  }

  /** The same refusal inside a field of the enclosing record: {@code port} within {@code services[2]}. */
  public InvalidFactException within(String field, int index) {
    return new InvalidFactException(subject, FieldPath.of(field).index(index).then(path), value, text, problem, fix);
  }

  /** The same refusal inside a field of the enclosing record: {@code keySize} within {@code certificate}. */
  public InvalidFactException within(String field) {
    return new InvalidFactException(subject, FieldPath.of(field).then(path), value, text, problem, fix);
  }

  /** The same refusal about one fact, named in the message: {@code device 'cam-1'}. */
  public InvalidFactException about(FactType type, String id) {
    return new InvalidFactException(type.wireName() + " '" + id + "'", path, value, text, problem, fix);
  }

  /** The fact the value belongs to, e.g. {@code device 'cam-1'}, when known. */
  public @Nullable String subject() {
    return subject;
  }

  /** The path from the fact (or the record that refused the value) to the value. */
  public FieldPath path() {
    return path;
  }

  /** The path as text: {@code services[2].port}. */
  public String pathText() {
    return path.text();
  }

  /** The refused value as given. */
  public String value() {
    return value;
  }

  /** What is wrong, quoting the value: {@code 70000 is not a port}, {@code '999.1.1.1' is not an IP address}. */
  public String what() {
    return (text ? "'" + value + "'" : value) + " " + problem;
  }

  /**
   * The message without the fix, for readers that add the fix their own way: {@code device 'cam-1':
   * services[2].port 70000 is not a port}.
   */
  public String withoutFix() {
    return message(subject, path, value, text, problem, null);
  }

  /** What a valid value looks like: {@code ports are 1 to 65535}. */
  public String fix() {
    return fix;
  }

  private static String message(
      @Nullable String subject, FieldPath path, String value, boolean text, String problem, @Nullable String fix) {
    StringBuilder out = new StringBuilder();
    if (subject != null) {
      out.append(subject).append(": ");
    }
    out.append(path.text());
    out.append(' ').append(text ? "'" + value + "'" : value).append(' ').append(problem);
    return fix == null ? out.toString() : out.append(" (").append(fix).append(')').toString();
  }
}
