package dev.rampart.engine.value;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The area a rule belongs to: one of the guide's nine, or one a pack declares under
 * {@code metadata.categories}. Two categories are equal when their ids are; the guide's come first,
 * in the guide's order, then declared ones by id.
 */
@API(status = STABLE, since = "0.1")
public final class Category implements Comparable<Category> {

  public static final Category PROCUREMENT = builtIn(0, "procurement", "Procurement");
  public static final Category IDENTITY = builtIn(1, "identity", "Identity");
  public static final Category SEGMENTATION = builtIn(2, "segmentation", "Segmentation");
  public static final Category PATCHING = builtIn(3, "patching", "Patching");
  public static final Category MONITORING = builtIn(4, "monitoring", "Monitoring");
  public static final Category INTERFACES = builtIn(5, "interfaces", "Interfaces");
  public static final Category DATA = builtIn(6, "data", "Data");
  public static final Category RESILIENCE = builtIn(7, "resilience", "Resilience");
  public static final Category OPERATIONS = builtIn(8, "operations", "Operations");

  private static final List<Category> BUILT_IN = List.of(
      PROCUREMENT, IDENTITY, SEGMENTATION, PATCHING, MONITORING, INTERFACES, DATA, RESILIENCE, OPERATIONS);
  /** Declared categories sort after the guide's. */
  private static final int DECLARED = Integer.MAX_VALUE;

  private final int order;
  private final String id;
  private final String title;
  private final @Nullable String description;

  private Category(int order, String id, String title, @Nullable String description) {
    this.order = order;
    this.id = Objects.requireNonNull(id, "id");
    this.title = Objects.requireNonNull(title, "title");
    this.description = description;
  }

  /**
   * A category a pack declares in addition to the guide's.
   *
   * @param id the id rules use, e.g. {@code governance}
   * @param title what reports print for it
   * @param description what belongs in it, or {@code null}
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.9")
  public static Category declared(String id, String title, @Nullable String description) {
    if (fromWireName(id).isPresent()) {
      throw new IllegalArgumentException("'" + id + "' is one of the guide's categories; it cannot be declared again");
    }
    return new Category(DECLARED, id, title, description);
  }

  /** The guide's nine categories, in the guide's order. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.9")
  public static List<Category> builtIns() {
    return BUILT_IN;
  }

  /** Parses the id of one of the guide's categories, such as {@code identity}. */
  public static Optional<Category> fromWireName(String name) {
    return BUILT_IN.stream().filter(category -> category.id.equals(name)).findFirst();
  }

  /**
   * The guide's nine, as the enum this type was before packs could declare categories gave them.
   *
   * @deprecated use {@link #builtIns()}, which is a list; a pack may declare more categories
   */
  @Deprecated(since = "0.9")
  public static Category[] values() {
    return BUILT_IN.toArray(Category[]::new);
  }

  /**
   * One of the guide's nine by its constant's name, e.g. {@code IDENTITY}, as the enum this type was.
   *
   * @deprecated use {@link #fromWireName(String)}
   * @throws IllegalArgumentException when it names none of the nine
   */
  @Deprecated(since = "0.9")
  public static Category valueOf(String name) {
    return BUILT_IN.stream().filter(category -> category.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no category constant " + name));
  }

  /**
   * The id in upper case, e.g. {@code IDENTITY}: the constant's name of a built-in category, as the
   * enum this type was.
   *
   * @deprecated use {@link #wireName()}
   */
  @Deprecated(since = "0.9")
  public String name() {
    return id.toUpperCase(Locale.ROOT);
  }

  /** The id used in packs and reports, e.g. {@code identity}. */
  public String wireName() {
    return id;
  }

  /** What reports print for the category: the guide's name, or the title the pack declares. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.9")
  public String title() {
    return title;
  }

  /** What belongs in a declared category, as the pack says; empty for the guide's and when not said. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.9")
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** Whether this is one of the guide's nine. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.9")
  public boolean isBuiltIn() {
    return order != DECLARED;
  }

  @Override
  public int compareTo(Category other) {
    int byOrder = Integer.compare(order, other.order);
    return byOrder != 0 ? byOrder : id.compareTo(other.id);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Category category && category.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }

  private static Category builtIn(int order, String id, String title) {
    return new Category(order, id, title, null);
  }
}
