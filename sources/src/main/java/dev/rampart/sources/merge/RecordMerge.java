package dev.rampart.sources.merge;

import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.Origin;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Merges records of one type field by field: the first claim (highest precedence) that has a value
 * wins, nested records merge recursively, attribute maps merge key by key, lists whose elements have
 * an {@link ElementIdentity identity} merge as a union element by element, and every disagreement
 * becomes a {@link Conflict}.
 */
final class RecordMerge {

  private final Map<FieldPath, Origin> origins = new LinkedHashMap<>();
  private final List<Conflict> conflicts = new ArrayList<>();

  Map<FieldPath, Origin> origins() {
    return origins;
  }

  List<Conflict> conflicts() {
    return conflicts;
  }

  /** One source's record. */
  record Claim(@Nullable Object value, Origin origin) {}

  Object merge(Class<?> type, List<Claim> claims, FieldPath prefix) {
    return merge(type, claims, prefix, prefix);
  }

  // prefix is where a value is (services[3].state, as evidence names it); named is how a conflict
  // names it (services[3306/tcp].state), since a merged list's index tells a reader nothing
  private Object merge(Class<?> type, List<Claim> claims, FieldPath prefix, FieldPath named) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      List<Claim> present = new ArrayList<>();
      for (Claim claim : claims) {
        Object value = read(component, claim.value());
        if (value != null) {
          present.add(new Claim(value, claim.origin()));
        }
      }
      values[i] = mergeValue(component, present, prefix.field(component.getName()), named.field(component.getName()),
          prefix.isRoot() && component.getName().equals("id"));
    }
    return construct(type, components, values, claims, prefix);
  }

  private @Nullable Object mergeValue(
      RecordComponent component, List<Claim> present, FieldPath path, FieldPath named, boolean isId) {
    if (present.isEmpty()) {
      return null;
    }
    Class<?> type = component.getType();
    if (type.isRecord() && present.size() > 1) {
      return merge(type, present, path, named);
    }
    if (Map.class.isAssignableFrom(type)) {
      return mergeMap(present, path, named);
    }
    Optional<ElementIdentity> identity = List.class.isAssignableFrom(type) ? ElementIdentity.of(component) : Optional.empty();
    if (identity.isPresent()) {
      return mergeList(identity.get(), present, path, named);
    }
    Claim chosen = present.get(0);
    if (type.isRecord()) {
      originsOf(chosen.value(), path, chosen.origin(), origins);
    } else {
      origins.put(path, chosen.origin());
    }
    if (!isId) {
      recordConflict(named, chosen, present);
    }
    return chosen.value();
  }

  private Map<String, Object> mergeMap(List<Claim> present, FieldPath path, FieldPath named) {
    Map<String, Object> merged = new LinkedHashMap<>();
    Map<String, List<Claim>> byKey = new LinkedHashMap<>();
    for (Claim claim : present) {
      ((Map<?, ?>) Objects.requireNonNull(claim.value())).forEach((key, value) ->
          byKey.computeIfAbsent(String.valueOf(key), k -> new ArrayList<>()).add(new Claim(value, claim.origin())));
    }
    byKey.forEach((key, claims) -> {
      Claim chosen = claims.get(0);
      merged.put(key, chosen.value());
      origins.put(path.field(key), chosen.origin());
      recordConflict(named.field(key), chosen, claims);
    });
    return merged;
  }

  /**
   * The union of the lists: the most trusted source's elements in its order, then each other
   * source's new elements in theirs. Elements with one identity merge into one (field by field, for
   * records); each element's origin is the most trusted source that reported it.
   */
  private List<Object> mergeList(ElementIdentity identity, List<Claim> present, FieldPath path, FieldPath named) {
    Map<Object, List<Claim>> byElement = new LinkedHashMap<>();
    Map<Object, String> keys = new LinkedHashMap<>();
    for (Claim claim : present) {
      for (Object element : (List<?>) Objects.requireNonNull(claim.value())) {
        String key = identity.key(element);
        // an element without what identifies it is the same only as an equal element
        Object group = key == null ? element : key;
        byElement.computeIfAbsent(group, k -> new ArrayList<>()).add(new Claim(element, claim.origin()));
        if (key != null) {
          keys.put(group, key);
        }
      }
    }
    origins.put(path, present.get(0).origin());
    List<Object> merged = new ArrayList<>(byElement.size());
    for (Map.Entry<Object, List<Claim>> element : byElement.entrySet()) {
      FieldPath at = path.index(merged.size());
      List<Claim> claims = element.getValue();
      Claim chosen = claims.get(0);
      String key = keys.get(element.getKey());
      origins.put(at, chosen.origin());
      if (identity.elementType().isRecord() && claims.size() > 1) {
        merged.add(merge(identity.elementType(), claims, at, key == null ? at : named.key(key)));
      } else {
        merged.add(Objects.requireNonNull(chosen.value()));
        if (identity.elementType().isRecord()) {
          originsOf(chosen.value(), at, chosen.origin(), origins);
        } else {
          // a reference is also looked up by the id it names, e.g. networks[corp]
          origins.put(path.key(String.valueOf(chosen.value())), chosen.origin());
        }
      }
    }
    return merged;
  }

  private void recordConflict(FieldPath path, Claim chosen, List<Claim> present) {
    List<Conflict.Claim> overruled = new ArrayList<>();
    for (Claim other : present.subList(1, present.size())) {
      if (!Objects.equals(other.value(), chosen.value())) {
        overruled.add(new Conflict.Claim(ClaimText.of(other.value()), other.origin()));
      }
    }
    if (!overruled.isEmpty()) {
      conflicts.add(new Conflict(path, new Conflict.Claim(ClaimText.of(chosen.value()), chosen.origin()), overruled));
    }
  }

  /** Every present field path of a record, all with the same origin. */
  static void originsOf(@Nullable Object record, FieldPath prefix, Origin origin, Map<FieldPath, Origin> into) {
    if (record == null) {
      return;
    }
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value = read(component, record);
      if (value == null) {
        continue;
      }
      FieldPath path = prefix.field(component.getName());
      if (component.getType().isRecord()) {
        originsOf(value, path, origin, into);
      } else if (value instanceof Map<?, ?> map) {
        map.keySet().forEach(key -> into.put(path.field(String.valueOf(key)), origin));
      } else {
        into.put(path, origin);
      }
    }
  }

  private static @Nullable Object read(RecordComponent component, @Nullable Object record) {
    if (record == null) {
      return null;
    }
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      // the fact model's records are public with plain accessors: failing here is our bug
      throw new IllegalStateException("cannot read " + component.getDeclaringRecord().getSimpleName() + "."
          + component.getName(), e);
    }
  }

  // Each record was accepted alone; a record type that checks its fields against each other may
  // still refuse their merge, which then names the records merged and the reason.
  private static Object construct(
      Class<?> type, RecordComponent[] components, Object[] values, List<Claim> claims, FieldPath prefix) {
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(merging(type, claims, prefix) + ": " + e.getCause().getMessage(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(merging(type, claims, prefix) + ": " + e, e);
    }
  }

  private static String merging(Class<?> type, List<Claim> claims, FieldPath prefix) {
    String what = prefix.isRoot() ? type.getSimpleName() : prefix.text();
    List<String> places = claims.stream().map(claim -> claim.origin().describe()).toList();
    return "cannot merge " + what + " from " + String.join(" and ", places);
  }
}
