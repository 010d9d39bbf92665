package dev.rampart.engine.internal.waiver;

import dev.rampart.engine.internal.ast.FieldPath.Step;
import dev.rampart.engine.internal.schema.Field;
import dev.rampart.engine.internal.schema.FieldKind;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.engine.internal.schema.TypeSchema;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.fact.WireNames;
import dev.rampart.spi.source.DidYouMean;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One plain field of a fact type, named by a path such as {@code owner}, {@code firmware.version} or
 * {@code attributes.site}, resolved against the fact model's schema. Waivers compare such a field
 * with a value; lists and references are out of reach on purpose, so a match is never ambiguous.
 */
public final class FieldLookup {

  private static final Map<Key, FieldLookup> RESOLVED = new ConcurrentHashMap<>();

  private final dev.rampart.engine.internal.ast.FieldPath path;

  private FieldLookup(List<Step> steps, Field field) {
    this.path = new dev.rampart.engine.internal.ast.FieldPath(steps, field);
  }

  /**
   * Resolves a path against one fact type's fields.
   *
   * @throws FieldPathException naming the segment at fault and the fix
   */
  public static FieldLookup resolve(FactType type, FieldPath path) throws FieldPathException {
    Key key = new Key(type, path);
    FieldLookup cached = RESOLVED.get(key);
    if (cached != null) {
      return cached;
    }
    FieldLookup lookup = walk(type, path);
    RESOLVED.put(key, lookup);
    return lookup;
  }

  /**
   * Resolves a path against every fact type: the types it names a plain field of.
   *
   * @throws FieldPathException when it names a plain field of no type, with the most helpful fix
   */
  public static List<FactType> typesWith(FieldPath path) throws FieldPathException {
    List<FactType> types = new ArrayList<>();
    FieldPathException best = null;
    for (FactType type : FactType.values()) {
      try {
        resolve(type, path);
        types.add(type);
      } catch (FieldPathException e) {
        if (best == null || (!best.suggestion().startsWith("did you mean") && e.suggestion().startsWith("did you mean"))) {
          best = e;
        }
      }
    }
    if (types.isEmpty()) {
      throw new FieldPathException("no fact type has a field '" + path.text() + "'", Objects.requireNonNull(best).suggestion());
    }
    return types;
  }

  /** The path, resolved against the schema of its fact type. */
  public dev.rampart.engine.internal.ast.FieldPath path() {
    return path;
  }

  /**
   * Why a value can never equal this field, e.g. a word that is none of an enumeration's values;
   * empty when it can.
   */
  public Optional<String> checkValue(String value) {
    Field field = path.field();
    String path = this.path.text();
    return switch (field.kind()) {
      case BOOLEAN -> value.equals("true") || value.equals("false") ? Optional.empty()
          : Optional.of("'" + path + "' is a boolean; compare it with true or false, not '" + value + "'");
      case INTEGER, DECIMAL -> number(value) != null ? Optional.empty()
          : Optional.of("'" + path + "' is a " + field.kind().description() + "; '" + value + "' is not a number");
      case ENUM -> field.enumValues().contains(value) ? Optional.empty()
          : Optional.of("'" + value + "' is not a value of '" + path + "' ("
              + DidYouMean.hintOrList(value, field.enumValues(), "expected one of") + ")");
      default -> Optional.empty();
    };
  }

  /** Whether the fact's value of this field is the given value, compared as text (numbers by value). */
  public boolean hasValue(Fact fact, String expected) {
    Object actual = read(fact);
    if (actual == null) {
      return false;
    }
    if (actual instanceof Number) {
      BigDecimal left = number(String.valueOf(actual));
      BigDecimal right = number(expected);
      if (left != null && right != null) {
        return left.compareTo(right) == 0;
      }
    }
    return render(actual).equals(expected);
  }

  private @Nullable Object read(Fact fact) {
    Object current = fact;
    for (Step step : path.steps()) {
      Object next = step.field().accessor().apply(current);
      if (next == null) {
        return null;
      }
      if (step.key() != null) {
        next = ((Map<?, ?>) next).get(step.key());
        if (next == null) {
          return null;
        }
      }
      current = next;
    }
    return current;
  }

  private static String render(Object value) {
    return value instanceof Enum<?> constant ? WireNames.of(constant) : String.valueOf(value);
  }

  private static @Nullable BigDecimal number(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static FieldLookup walk(FactType type, FieldPath path) throws FieldPathException {
    List<Step> steps = new ArrayList<>();
    TypeSchema schema = Schemas.of(type);
    String where = type.wireName();
    List<FieldPath.Step> written = path.steps();
    for (int i = 0; i < written.size(); i++) {
      String prefix = FieldPath.of(written.subList(0, i)).text();
      String so = prefix.isEmpty() ? "" : prefix + ".";
      if (!(written.get(i) instanceof FieldPath.Name name)) {
        throw new FieldPathException("'" + prefix + "' is not a list; '" + FieldPath.of(written.subList(0, i + 1)).text()
            + "' selects an element of nothing", "end the path at '" + prefix + "'");
      }
      String segment = name.name();
      if (schema == null) {
        throw new FieldPathException("'" + prefix + "' is a plain value and has no field '" + segment + "'",
            "end the path at '" + prefix + "'");
      }
      Field field = schema.fields().get(segment);
      if (field == null) {
        throw new FieldPathException(where + " has no field '" + segment + "'",
            DidYouMean.closest(segment, schema.fields().keySet())
                .map(s -> "did you mean '" + so + s + "'?")
                .orElse("valid fields: " + String.join(", ", schema.fields().keySet())));
      }
      String here = so + segment;
      boolean last = i == written.size() - 1;
      switch (field.kind()) {
        case MAP -> {
          if (last) {
            throw new FieldPathException("'" + here + "' holds named values", "name one, e.g. '" + here + ".site'");
          }
          if (!(written.get(i + 1) instanceof FieldPath.Name key)) {
            throw new FieldPathException("'" + here + "' holds named values, not a list",
                "name one after a dot, e.g. '" + here + ".site'");
          }
          if (i + 1 < written.size() - 1) {
            throw new FieldPathException("attribute values are plain values; '" + path.text() + "' reads past one",
                "stop the path at '" + here + "." + key.name() + "'");
          }
          steps.add(new Step(field, null));
          steps.add(new Step(Objects.requireNonNull(field.element()), key.name()));
          return new FieldLookup(steps, field.element());
        }
        case LIST, REF_MANY -> throw new FieldPathException("'" + here + "' is a list; a waiver compares one value",
            "select the facts by id, type or another field");
        case REF_ONE -> throw new FieldPathException("'" + here + "' is a reference to a "
            + Objects.requireNonNull(field.target()).wireName(), "compare the id it holds: '" + so + segment + "Id'");
        case OBJECT -> {
          steps.add(new Step(field, null));
          schema = field.object();
          where = "'" + here + "'";
          if (last) {
            String first = Objects.requireNonNull(schema).fields().keySet().iterator().next();
            throw new FieldPathException("'" + here + "' is an object", "name one of its fields, e.g. '" + here + "." + first + "'");
          }
        }
        default -> {
          steps.add(new Step(field, null));
          schema = null;
          if (last) {
            return new FieldLookup(steps, field);
          }
        }
      }
    }
    throw new FieldPathException("the field path is empty", "name a field, e.g. 'owner' or 'attributes.site'");
  }

  /** A path as a waiver writes it, resolved against one fact type. */
  private record Key(FactType type, FieldPath path) {}
}
