package dev.rampart.sources;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.fact.Ref;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The one check that every reference between facts (a record component marked {@link Ref}, such as
 * a device's {@code vendorId} and {@code networkIds}) names a fact that is present. A dangling
 * reference would make the rules that follow it UNKNOWN, so strict input reports it before
 * evaluating.
 *
 * <p>{@link #among} checks facts all at hand; a {@link Tracker} checks facts as they stream past,
 * keeping only the ids of the types that are referred to.
 */
@API(status = INTERNAL, since = "0.1")
public final class References {

  /** The references each type of fact holds, in record component order. */
  private static final Map<FactType, List<Reference>> HELD = referencesByType();
  /** The types some reference points to: only their ids need keeping. */
  private static final Set<FactType> TARGETS = targets();

  private final Map<FactType, Set<String>> present;

  private References(Map<FactType, Set<String>> present) {
    this.present = present;
  }

  /** Every dangling reference among the facts, in the order of the facts and of their fields. */
  public static List<DanglingReference> dangling(Collection<? extends Fact> facts) {
    References references = among(facts);
    List<DanglingReference> dangling = new ArrayList<>();
    for (Fact fact : facts) {
      dangling.addAll(references.danglingIn(fact));
    }
    return List.copyOf(dangling);
  }

  /** The facts that references may name: the ids of every fact of a referred-to type. */
  public static References among(Collection<? extends Fact> facts) {
    Map<FactType, Set<String>> present = emptyIds();
    for (Fact fact : facts) {
      Set<String> ids = present.get(fact.type());
      if (ids != null) {
        ids.add(fact.id());
      }
    }
    return new References(present);
  }

  /** Starts checking facts that arrive one at a time. */
  public static Tracker tracker() {
    return new Tracker();
  }

  /** The references of one fact that name none of the facts present, in field order. */
  public List<DanglingReference> danglingIn(Fact fact) {
    List<DanglingReference> dangling = new ArrayList<>();
    for (Reference reference : HELD.get(fact.type())) {
      for (String id : reference.ids(fact)) {
        if (!present.get(reference.target()).contains(id)) {
          dangling.add(new DanglingReference(FactKey.of(fact), reference.field(), new FactKey(reference.target(), id)));
        }
      }
    }
    return dangling;
  }

  /**
   * Checks facts as a source hands them on, without keeping them: remembers the ids of the types
   * that are referred to and the ids that references name.
   */
  public static final class Tracker {

    private final Map<FactType, Set<String>> present = emptyIds();
    private final Map<FactType, Set<String>> named = emptyIds();

    private Tracker() {}

    /** Notes a fact's id, if references may name it, and the ids its references name. */
    public void add(Fact fact) {
      Set<String> ids = present.get(fact.type());
      if (ids != null) {
        ids.add(fact.id());
      }
      for (Reference reference : HELD.get(fact.type())) {
        named.get(reference.target()).addAll(reference.ids(fact));
      }
    }

    /** Whether every reference of the facts added so far names a fact added so far. */
    public boolean allResolved() {
      return named.entrySet().stream().allMatch(entry -> present.get(entry.getKey()).containsAll(entry.getValue()));
    }
  }

  private static Map<FactType, Set<String>> emptyIds() {
    Map<FactType, Set<String>> ids = new EnumMap<>(FactType.class);
    TARGETS.forEach(type -> ids.put(type, new HashSet<>()));
    return ids;
  }

  private static Map<FactType, List<Reference>> referencesByType() {
    Map<FactType, List<Reference>> byType = new EnumMap<>(FactType.class);
    for (FactType type : FactType.values()) {
      List<Reference> references = new ArrayList<>();
      for (RecordComponent component : type.javaType().getRecordComponents()) {
        Ref ref = component.getAnnotation(Ref.class);
        if (ref != null) {
          references.add(new Reference(component.getName(), component.getAccessor(), ref.value()));
        }
      }
      byType.put(type, List.copyOf(references));
    }
    return byType;
  }

  private static Set<FactType> targets() {
    Set<FactType> targets = EnumSet.noneOf(FactType.class);
    HELD.values().forEach(references -> references.forEach(reference -> targets.add(reference.target())));
    return targets;
  }

  /** A component that holds the id, or the list of ids, of facts of the target type. */
  private record Reference(String field, Method accessor, FactType target) {

    List<String> ids(Fact fact) {
      Object value = read(fact);
      if (value == null) {
        return List.of();
      }
      if (value instanceof Collection<?> list) {
        return list.stream().map(String::valueOf).toList();
      }
      return List.of(String.valueOf(value));
    }

    private @Nullable Object read(Fact fact) {
      try {
        return accessor.invoke(fact);
      } catch (IllegalAccessException | InvocationTargetException e) {
        // the fact model's records are public with plain accessors: failing here is our bug
        throw new IllegalStateException("cannot read " + fact.type().wireName() + "." + field, e);
      }
    }
  }
}
