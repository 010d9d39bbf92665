package dev.rampart.engine.internal.schema;

import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Ref;
import dev.rampart.spi.value.Canonical;
import dev.rampart.spi.value.Vocabulary;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Derives the schema of every fact type from the fact model's records, so the schema cannot drift
 * from the model. References ({@link Ref}) add a second field named without the {@code Id}/{@code
 * Ids} suffix that rules follow to the referenced fact.
 */
public final class Schemas {

  private static final Map<FactType, TypeSchema> FACTS = buildAll();

  private Schemas() {}

  /** The schema of a fact type. */
  public static TypeSchema of(FactType type) {
    return FACTS.get(type);
  }

  /** The fact model's component behind a reference field: {@code vendor} is vendorId, {@code networks} is networkIds. */
  public static String componentName(Field reference) {
    return Objects.requireNonNull(reference.component(), () -> "'" + reference.name() + "' is not a reference");
  }

  /** The name a reference component is followed by: {@code vendorId} to {@code vendor}. */
  private static String referenceName(String componentName) {
    if (componentName.endsWith("Ids")) {
      return componentName.substring(0, componentName.length() - 3) + "s";
    }
    if (componentName.endsWith("Id")) {
      return componentName.substring(0, componentName.length() - 2);
    }
    throw new IllegalStateException("reference component '" + componentName + "' must end in Id or Ids");
  }

  private static Map<FactType, TypeSchema> buildAll() {
    Map<FactType, TypeSchema> all = new EnumMap<>(FactType.class);
    for (FactType type : FactType.values()) {
      all.put(type, describe(type.wireName(), type.javaType()));
    }
    return all;
  }

  private static TypeSchema describe(String name, Class<?> recordType) {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (RecordComponent component : recordType.getRecordComponents()) {
      Function<Object, Object> accessor = accessor(recordType, component);
      Field field = describeField(component.getName(), component.getGenericType(), accessor);
      Canonical canonical = component.getAnnotation(Canonical.class);
      if (canonical != null) {
        field = withVocabulary(field, canonical.value());
      }
      fields.put(field.name(), field);
      Ref ref = component.getAnnotation(Ref.class);
      if (ref != null) {
        String refName = referenceName(component.getName());
        FieldKind kind = field.kind() == FieldKind.LIST ? FieldKind.REF_MANY : FieldKind.REF_ONE;
        fields.put(refName, new Field(refName, kind, accessor, null, null, null, ref.value(), null, component.getName()));
      }
    }
    return new TypeSchema(name, recordType, fields);
  }

  @SuppressWarnings("unchecked")
  private static Field describeField(String name, Type type, Function<Object, Object> accessor) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      if (raw == List.class) {
        Type elementType = parameterized.getActualTypeArguments()[0];
        Field element = describeField("[]", elementType, value -> value);
        return new Field(name, FieldKind.LIST, accessor, null, element, null, null);
      }
      if (raw == Map.class) {
        // an attribute holds one value or a list of them; its element is what a quantifier over it sees
        Field element = new Field("[]", FieldKind.ANY, v -> v, null, null, null, null);
        Field value = new Field("[]", FieldKind.ANY, v -> v, null, element, null, null);
        return new Field(name, FieldKind.MAP, accessor, null, value, null, null);
      }
      throw new IllegalStateException("unsupported generic field type " + type + " of " + name);
    }
    Class<?> cls = (Class<?>) type;
    if (cls == String.class) {
      return scalar(name, FieldKind.STRING, accessor);
    }
    if (cls == Boolean.class) {
      return scalar(name, FieldKind.BOOLEAN, accessor);
    }
    if (cls == Integer.class || cls == Long.class) {
      return scalar(name, FieldKind.INTEGER, accessor);
    }
    if (cls == Double.class || cls == java.math.BigDecimal.class) {
      return scalar(name, FieldKind.DECIMAL, accessor);
    }
    if (cls == LocalDate.class) {
      return scalar(name, FieldKind.DATE, accessor);
    }
    if (cls == Instant.class) {
      return scalar(name, FieldKind.INSTANT, accessor);
    }
    if (cls.isEnum()) {
      return new Field(name, FieldKind.ENUM, accessor, (Class<? extends Enum<?>>) cls, null, null, null);
    }
    if (cls.isRecord()) {
      TypeSchema nested = describe(cls.getSimpleName().toLowerCase(Locale.ROOT), cls);
      return new Field(name, FieldKind.OBJECT, accessor, null, null, nested, null);
    }
    throw new IllegalStateException("unsupported field type " + cls.getName() + " of " + name);
  }

  /** A text field, or a list of texts, whose values belong to a vocabulary. */
  private static Field withVocabulary(Field field, Vocabulary vocabulary) {
    if (field.kind() == FieldKind.STRING) {
      return new Field(field.name(), field.kind(), field.accessor(), null, null, null, null, vocabulary);
    }
    Field element = field.element();
    if (field.kind() == FieldKind.LIST && element != null && element.kind() == FieldKind.STRING) {
      Field canonicalElement = new Field(element.name(), element.kind(), element.accessor(), null, null, null, null, vocabulary);
      return new Field(field.name(), field.kind(), field.accessor(), null, canonicalElement, null, null);
    }
    throw new IllegalStateException("@Canonical marks text or a list of texts, not the " + field.typeDescription() + " " + field.name());
  }

  private static Field scalar(String name, FieldKind kind, Function<Object, Object> accessor) {
    return new Field(name, kind, accessor, null, null, null, null);
  }

  /** A fast accessor for a record component: a lambda bound to the accessor method, not reflection. */
  @SuppressWarnings("unchecked")
  private static Function<Object, Object> accessor(Class<?> recordType, RecordComponent component) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodHandle getter = lookup.unreflect(component.getAccessor());
      CallSite site = LambdaMetafactory.metafactory(
          lookup,
          "apply",
          MethodType.methodType(Function.class),
          MethodType.methodType(Object.class, Object.class),
          getter,
          MethodType.methodType(component.getType(), recordType));
      return (Function<Object, Object>) site.getTarget().invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot access " + recordType.getSimpleName() + "." + component.getName(), e);
    }
  }
}
