package dev.rampart.engine.internal.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every field path a rule may write where paths start at one type, listed from the fact model: what
 * the JSON Schema for packs enumerates, so that an editor completes paths and flags a misspelt one.
 * The lists follow the rules the loader applies to a path: references are followed only from a rule's
 * target fact, a list is tested with a quantifier (so paths stop at it), and a map such as {@code
 * attributes} takes any key.
 */
public final class FieldPaths {

  private FieldPaths() {}

  /**
   * One path and the field it ends at.
   *
   * @param text the path as a pack writes it, e.g. {@code credentials.certificate.keySize}
   * @param field the field at its end; for a map field such as {@code attributes}, the map itself
   *     (its keys are free)
   */
  public record Entry(String text, Field field) {}

  /**
   * The paths a condition may test, starting at {@code schema}: every field of it and of its nested
   * objects, and at a rule's target fact ({@code followReferences}) the fields of the facts a
   * reference leads to. A reference itself and a list of references are not among them.
   */
  public static List<Entry> tested(TypeSchema schema, boolean followReferences) {
    List<Entry> entries = new ArrayList<>();
    walk(schema, "", followReferences, new HashSet<>(Set.of(schema.name())), entries);
    return entries.stream().filter(e -> e.field().kind() != FieldKind.REF_ONE && e.field().kind() != FieldKind.REF_MANY)
        .toList();
  }

  /**
   * The paths a quantifier (anyOf, allOf, noneOf) may range over: the lists, and at a rule's target
   * fact the lists of references such as a device's {@code networks}.
   */
  public static List<Entry> quantifiable(TypeSchema schema, boolean followReferences) {
    List<Entry> entries = new ArrayList<>();
    walk(schema, "", followReferences, new HashSet<>(Set.of(schema.name())), entries);
    return entries.stream().filter(e -> e.field().kind() == FieldKind.LIST || e.field().kind() == FieldKind.REF_MANY)
        .toList();
  }

  /**
   * The paths {@code unique} and {@code uniqueAmong} may compare across the facts of the target's
   * type: the plain fields of the target fact itself, not of the facts it refers to, and not the free
   * attribute values.
   */
  public static List<Entry> comparableAcrossFacts(TypeSchema schema) {
    return tested(schema, false).stream()
        .filter(e -> e.field().kind().isScalar() && e.field().kind() != FieldKind.MAP)
        .toList();
  }

  private static void walk(TypeSchema schema, String prefix, boolean followReferences, Set<String> visited,
      List<Entry> entries) {
    for (Field field : schema.fields().values()) {
      String text = prefix + field.name();
      if (field.kind() == FieldKind.REF_ONE || field.kind() == FieldKind.REF_MANY) {
        if (!followReferences) {
          continue;
        }
        entries.add(new Entry(text, field));
        TypeSchema target = Schemas.of(field.target());
        if (field.kind() == FieldKind.REF_ONE && visited.add(target.name())) {
          walk(target, text + ".", true, visited, entries);
          visited.remove(target.name());
        }
        continue;
      }
      entries.add(new Entry(text, field));
      if (field.kind() == FieldKind.OBJECT) {
        walk(field.object(), text + ".", followReferences, visited, entries);
      }
    }
  }
}
