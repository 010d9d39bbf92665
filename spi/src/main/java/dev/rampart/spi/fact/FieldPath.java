package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The way from a fact to one of its values, as steps: a field (or an entry of a map such as {@code
 * attributes}), a list index, or an element picked by its key, e.g. {@code services[1].port},
 * {@code attributes.site} or {@code networks[corp].zone}. It is built step by step or {@link #parse
 * parsed} once from a user's text, compared by value, and rendered once by {@link #text()}; nothing
 * parses that rendering again.
 */
@API(status = STABLE, since = "0.1")
public final class FieldPath {

  /** The most steps a path may have; a longer text is refused rather than walked. */
  public static final int MAX_STEPS = 64;

  private static final FieldPath ROOT = new FieldPath(List.of());

  private final List<Step> steps;
  private final String text;

  private FieldPath(List<Step> steps) {
    this.steps = List.copyOf(steps);
    this.text = render(this.steps);
  }

  /** The empty path: the fact (or list element) itself. */
  public static FieldPath root() {
    return ROOT;
  }

  /** The path of one field, e.g. {@code owner}. */
  public static FieldPath of(String field) {
    return ROOT.field(field);
  }

  /** The path of these steps, in order. */
  public static FieldPath of(List<Step> steps) {
    return steps.isEmpty() ? ROOT : new FieldPath(steps);
  }

  /**
   * Reads a path as a user writes it: names joined by dots, each optionally followed by a list index
   * or a key in brackets, e.g. {@code services[1].port}, {@code attributes.site}, {@code networks[corp].zone}.
   *
   * @throws InvalidFieldPathException naming the column at fault and the fix
   */
  public static FieldPath parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new InvalidFieldPathException(text, 1, "the field path is empty", "name a field, e.g. 'owner' or 'attributes.site'");
    }
    refuseInvisibleCharacters(text);
    List<Step> steps = new ArrayList<>();
    int i = 0;
    boolean expectName = true;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (steps.size() == MAX_STEPS && (expectName || c == '[')) {
        throw new InvalidFieldPathException(text, i + 1, "the field path has more than " + MAX_STEPS + " steps",
            "shorten it: fact models are not that deep");
      }
      if (expectName) {
        int end = endOfName(text, i);
        if (end == i) {
          throw new InvalidFieldPathException(text, i + 1, "a field name is missing" + (c == '.' ? " between two dots" : ""),
              "write a name at column " + (i + 1) + ", e.g. 'firmware.version'");
        }
        steps.add(new Name(text.substring(i, end)));
        i = end;
        expectName = false;
      } else if (c == '.') {
        i++;
        expectName = true;
        if (i == text.length()) {
          throw new InvalidFieldPathException(text, i, "the field path ends with a dot", "name a field after it, or drop it");
        }
      } else if (c == '[') {
        int close = text.indexOf(']', i + 1);
        if (close < 0) {
          throw new InvalidFieldPathException(text, i + 1, "'[' is not closed", "close it with ']', e.g. 'services[0]'");
        }
        steps.add(selector(text, i + 1, close));
        i = close + 1;
      } else {
        throw new InvalidFieldPathException(text, i + 1, "'" + c + "' cannot follow a step",
            "join steps with '.' or select an element with '[...]'");
      }
    }
    return new FieldPath(steps);
  }

  /** This path followed by a field (or a map entry) of the value it reaches. */
  public FieldPath field(String name) {
    return then(new Name(name));
  }

  /** This path followed by an element of the list it reaches. */
  public FieldPath index(int index) {
    return then(new Index(index));
  }

  /** This path followed by the element with this key (e.g. a referenced fact's id) of the list it reaches. */
  public FieldPath key(String key) {
    return then(new Key(key));
  }

  /** This path followed by another, relative to the value this one reaches. */
  public FieldPath then(FieldPath rest) {
    if (rest.isRoot()) {
      return this;
    }
    List<Step> joined = new ArrayList<>(steps);
    joined.addAll(rest.steps);
    return new FieldPath(joined);
  }

  /** The steps, in order; empty for the root. */
  public List<Step> steps() {
    return steps;
  }

  /** Whether this is the empty path. */
  public boolean isRoot() {
    return steps.isEmpty();
  }

  /** The first step. */
  public Step first() {
    requireSteps();
    return steps.get(0);
  }

  /** The path less its first step, relative to the value the first step reaches. */
  public FieldPath rest() {
    requireSteps();
    return of(steps.subList(1, steps.size()));
  }

  /** The path less its last step: {@code services[1]} for {@code services[1].port}. */
  public FieldPath parent() {
    requireSteps();
    return of(steps.subList(0, steps.size() - 1));
  }

  /** The path without its indexes and keys: {@code services.port} for {@code services[1].port}. */
  public FieldPath withoutSelectors() {
    return of(steps.stream().filter(Name.class::isInstance).toList());
  }

  /** The path as evidence and messages show it, e.g. {@code services[1].port}; empty for the root. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FieldPath path && path.steps.equals(steps);
  }

  @Override
  public int hashCode() {
    return steps.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private FieldPath then(Step step) {
    List<Step> joined = new ArrayList<>(steps.size() + 1);
    joined.addAll(steps);
    joined.add(step);
    return new FieldPath(joined);
  }

  private void requireSteps() {
    if (steps.isEmpty()) {
      throw new IllegalStateException("the root path has no steps");
    }
  }

  // No field name or key holds a control or formatting character, and refusing them here keeps every
  // message below safe to print as it quotes the text.
  private static void refuseInvisibleCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        throw new InvalidFieldPathException(text.substring(0, i), i + 1,
            String.format("the invisible character U+%04X cannot be part of a path", (int) c), "remove it");
      }
    }
  }

  private static int endOfName(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[' && text.charAt(i) != ']') {
      i++;
    }
    return i;
  }

  private static Step selector(String text, int from, int close) {
    String inside = text.substring(from, close);
    if (inside.isEmpty()) {
      throw new InvalidFieldPathException(text, from + 1, "'[]' selects nothing", "write an index or a key, e.g. 'services[0]'");
    }
    if (inside.indexOf('[') >= 0) {
      throw new InvalidFieldPathException(text, from + 1 + inside.indexOf('['), "'[' inside brackets",
          "select one element at a time, e.g. 'services[0]'");
    }
    boolean signed = inside.charAt(0) == '-' || inside.charAt(0) == '+';
    if (inside.chars().skip(signed ? 1 : 0).allMatch(Character::isDigit) && inside.length() > (signed ? 1 : 0)) {
      if (inside.charAt(0) == '-') {
        throw new InvalidFieldPathException(text, from + 1, "the list index '" + inside + "' is negative",
            "count elements from 0, e.g. '[0]' for the first");
      }
      String digits = signed ? inside.substring(1) : inside;
      if (signed || (digits.length() > 1 && digits.charAt(0) == '0') || digits.length() > 9) {
        throw new InvalidFieldPathException(text, from + 1, "'" + inside + "' is not a list index",
            "write the index as plain digits from 0 to 999999999, e.g. '[2]'");
      }
      return new Index(Integer.parseInt(digits));
    }
    return new Key(inside);
  }

  private static String render(List<Step> steps) {
    StringBuilder out = new StringBuilder();
    for (Step step : steps) {
      if (step instanceof Name name) {
        out.append(out.length() == 0 ? "" : ".").append(name.name());
      } else if (step instanceof Index index) {
        out.append('[').append(index.index()).append(']');
      } else {
        out.append('[').append(((Key) step).key()).append(']');
      }
    }
    return out.toString();
  }

  /** One step of a path. */
  public sealed interface Step permits Name, Index, Key {}

  /**
   * A field of a record, or an entry of a map such as {@code attributes}, written after a dot.
   *
   * @param name the field's name or the map's key
   */
  public record Name(String name) implements Step {

    public Name {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * An element of a list by its place, written {@code [0]}.
   *
   * @param index from 0
   */
  public record Index(int index) implements Step {

    public Index {
      if (index < 0) {
        throw new IllegalArgumentException("a list index is 0 or more, not " + index);
      }
    }
  }

  /**
   * An element of a list by its key, such as the id of a referenced fact: {@code networks[corp]}.
   *
   * @param key the key
   */
  public record Key(String key) implements Step {

    public Key {
      Objects.requireNonNull(key, "key");
    }
  }

  /** A field path's text that is not a path, naming the column at fault and the fix. */
  public static final class InvalidFieldPathException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** At most this many characters of the text are quoted in the message. */
    private static final int QUOTED = 60;

    private final int column;
    private final String reason;
    private final String fix;

    InvalidFieldPathException(String text, int column, String problem, String fix) {
      this("field path '" + quote(text) + "', column " + column + ": " + problem, column, fix);
    }

    private InvalidFieldPathException(String reason, int column, String fix) {
      super(reason + " (" + fix + ")");
      this.column = column;
      this.reason = reason;
      this.fix = fix;
    }

    /** The column (from 1) of the text at fault. */
    public int column() {
      return column;
    }

    /** What is wrong and where, without the fix, e.g. {@code field path 'a..b', column 3: a field name is missing ...}. */
    public String reason() {
      return reason;
    }

    /** How to put it right. */
    public String fix() {
      return fix;
    }

    private static String quote(String text) {
      return text.length() > QUOTED ? text.substring(0, QUOTED) + "..." : text;
    }
  }
}
