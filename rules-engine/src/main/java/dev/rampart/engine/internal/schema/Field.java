package dev.rampart.engine.internal.schema;

import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.WireNames;
import dev.rampart.spi.value.Vocabulary;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One field of a type: its name, kind and how to read it.
 *
 * @param name the field's name as packs write it
 * @param kind its kind
 * @param accessor reads the field from its owner; returns {@code null} when the field is absent
 * @param enumType for {@link FieldKind#ENUM}: the enum class
 * @param element for {@link FieldKind#LIST}: the element's description (its name is {@code []})
 * @param object for {@link FieldKind#OBJECT}: the nested type's fields
 * @param target for references: the type of fact referred to
 * @param vocabulary for a text field whose values belong to a closed vocabulary ({@code @Canonical}):
 *     the vocabulary; for a list of such texts, its element carries it
 * @param component for a reference: the fact model's component that holds the ids it follows,
 *     e.g. {@code vendorId} for {@code vendor}
 */
public record Field(
    String name,
    FieldKind kind,
    Function<Object, @Nullable Object> accessor,
    @Nullable Class<? extends Enum<?>> enumType,
    @Nullable Field element,
    @Nullable TypeSchema object,
    @Nullable FactType target,
    @Nullable Vocabulary vocabulary,
    @Nullable String component) {

  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(accessor, "accessor");
  }

  /** A field that is not a reference. */
  public Field(
      String name, FieldKind kind, Function<Object, @Nullable Object> accessor,
      @Nullable Class<? extends Enum<?>> enumType, @Nullable Field element, @Nullable TypeSchema object,
      @Nullable FactType target, @Nullable Vocabulary vocabulary) {
    this(name, kind, accessor, enumType, element, object, target, vocabulary, null);
  }

  /** A field whose values are free. */
  public Field(
      String name, FieldKind kind, Function<Object, @Nullable Object> accessor,
      @Nullable Class<? extends Enum<?>> enumType, @Nullable Field element, @Nullable TypeSchema object,
      @Nullable FactType target) {
    this(name, kind, accessor, enumType, element, object, target, null);
  }

  /** The type as a phrase for messages, e.g. "list of string" or "enumeration (iot, ot, ...)". */
  public String typeDescription() {
    return switch (kind) {
      case LIST -> "list of " + Objects.requireNonNull(element).typeDescription();
      case ENUM -> "enumeration (" + String.join(", ", enumValues()) + ")";
      case OBJECT -> "object";
      case REF_ONE, REF_MANY -> kind.description() + " to " + Objects.requireNonNull(target).wireName();
      default -> kind.description();
    };
  }

  /** The wire names of an enum field's values. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public List<String> enumValues() {
    return enumType == null ? List.of() : WireNames.all((Class) enumType);
  }
}
