package dev.rampart.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.rampart.engine.internal.ast.PackDef;
import dev.rampart.engine.internal.ast.ParamDef;
import dev.rampart.engine.internal.load.BuiltinPacks;
import dev.rampart.engine.internal.load.ParamUses;
import dev.rampart.engine.internal.load.ParamValues;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.DisabledRule;
import dev.rampart.engine.value.Framework;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** A loaded and fully validated rule pack. Obtain one from {@link RulePacks}. */
@API(status = STABLE, since = "0.1")
public final class RulePack {

  /** What {@link #origin()} says of a pack shipped with rampart. */
  public static final String BUILT_IN = "built-in";

  private final PackDef definition;
  private final List<Rule> rules;
  private final List<Parameter> parameters;
  private final Map<Severity, String> severityRubric;
  private final @Nullable PackTailoring tailoring;

  RulePack(PackDef definition) {
    this(definition, null, null);
  }

  /**
   * A pack composed from {@code own} (the pack's own text) over {@code base} (its base as loaded); both
   * null for a pack that extends none.
   */
  RulePack(PackDef definition, @Nullable PackDef own, @Nullable PackDef base) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.rules = definition.rules().stream().map(rule -> rule.info()).toList();
    this.parameters = definition.parameters().stream().map(RulePack::describe).toList();
    Map<Severity, String> rubric = new LinkedHashMap<>();
    definition.severities().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.reverseOrder()))
        .forEach(entry -> rubric.put(entry.getKey(), entry.getValue()));
    this.severityRubric = Collections.unmodifiableMap(rubric);
    this.tailoring = own == null || base == null || definition.base() == null ? null : tailoring(own, base);
  }

  public String id() {
    return definition.id();
  }

  public String version() {
    return definition.version();
  }

  public String title() {
    return definition.title();
  }

  public String description() {
    return definition.description();
  }

  /** The file or classpath resource the pack was read from. */
  public String source() {
    return definition.source();
  }

  /**
   * Where the pack came from, as reports name it: {@code built-in} for a pack shipped with rampart,
   * else the file (or classpath resource) it was read from.
   */
  public String origin() {
    String source = definition.source();
    return source.startsWith("classpath:" + BuiltinPacks.ROOT) ? BUILT_IN : source;
  }

  /**
   * The rules that are evaluated, in file order; for a pack that extends another, the base's rules
   * (in the base's order, without the disabled ones) and then the pack's own. Every rule's
   * {@link Rule#packId()} is this pack's id.
   */
  public List<Rule> rules() {
    return rules;
  }

  /** The pack this one extends, as {@code id@version}; empty for a pack that extends none. */
  public Optional<String> base() {
    return basePack().map(RulePack::toString);
  }

  /**
   * The pack this one extends, as it loads on its own: its own id, its rules and parameter defaults
   * before this pack changed them, its source (where its fixtures are found). Empty for a pack that
   * extends none.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public Optional<RulePack> basePack() {
    return Optional.ofNullable(definition.base()).map(RulePack::new);
  }

  /**
   * How this pack changes the base it extends: the base and its version, the parameters it changes and
   * adds, the rules it adds; empty for a pack that extends none. With {@link #disabledRules()}, the
   * statement of applicability of a tailored pack.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public Optional<PackTailoring> tailoring() {
    return Optional.ofNullable(tailoring);
  }

  /**
   * The base rules this pack, or a base further up its chain, disabled, with the reasons; they are
   * not in {@link #rules()}.
   */
  public List<DisabledRule> disabledRules() {
    return definition.disabled();
  }

  /** One rule by id. */
  public Optional<Rule> rule(String ruleId) {
    return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
  }

  /**
   * The reference frameworks the pack declares for its rules' {@link Rule#references()}: for a pack
   * that extends another, the base's and then its own. Empty for a pack that declares none (its
   * references are then not checked).
   */
  public List<Framework> frameworks() {
    return definition.frameworks();
  }

  /** A declared framework by the key rules cite it by, e.g. {@code etsi-en-303-645}. */
  public Optional<Framework> framework(String key) {
    return definition.frameworks().stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /**
   * The pack's severity rubric: what each severity it uses means, from {@code critical} down; for a
   * tailored pack that states none, its base's. Empty when the pack states no rubric.
   */
  public Map<Severity, String> severityRubric() {
    return severityRubric;
  }

  /** Who answers for the pack ({@code metadata.owner}, e.g. a team); empty when the pack does not say. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.9")
  public Optional<String> owner() {
    return definition.owner().isEmpty() ? Optional.empty() : Optional.of(definition.owner());
  }

  /** How to reach the owner ({@code metadata.contact}, e.g. an address); empty when the pack does not say. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.9")
  public Optional<String> contact() {
    return definition.contact().isEmpty() ? Optional.empty() : Optional.of(definition.contact());
  }

  /**
   * The categories the pack declares for its rules in addition to the guide's nine
   * ({@link Category#builtIns()}): for a pack that extends another, the base's and then its own.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.9")
  public List<Category> categories() {
    return definition.categories();
  }

  /** The parameters the pack declares or inherits from its base, with their (overridden) defaults. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /**
   * The parameters the conditions of rule {@code ruleId} refer to, in the order of {@link #parameters()};
   * empty for a rule that uses none, or that the pack does not have.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public List<Parameter> parametersUsedBy(String ruleId) {
    Set<String> names = definition.rules().stream()
        .filter(rule -> rule.info().id().equals(ruleId))
        .findFirst()
        .map(ParamUses::names)
        .orElse(Set.of());
    return parameters.stream().filter(parameter -> names.contains(parameter.name())).toList();
  }

  PackDef definition() {
    return definition;
  }

  // The base's parameters are its own merged with its bases'; this pack's are merged with the base's.
  private PackTailoring tailoring(PackDef own, PackDef base) {
    Map<String, Parameter> baseParameters = new LinkedHashMap<>();
    base.parameters().forEach(param -> baseParameters.put(param.name(), describe(param)));
    List<PackTailoring.ChangedParameter> changed = new ArrayList<>();
    List<Parameter> added = new ArrayList<>();
    for (Parameter parameter : parameters) {
      Parameter inherited = baseParameters.get(parameter.name());
      if (inherited == null) {
        added.add(parameter);
      } else if (!inherited.defaultValue().equals(parameter.defaultValue())) {
        changed.add(new PackTailoring.ChangedParameter(parameter.name(), inherited.defaultValue(),
            parameter.defaultValue()));
      }
    }
    Set<String> ownIds = own.rules().stream().map(rule -> rule.info().id()).collect(Collectors.toSet());
    List<Rule> addedRules = rules.stream().filter(rule -> ownIds.contains(rule.id())).toList();
    return new PackTailoring(base.id(), base.version(), changed, added, addedRules);
  }

  private static Parameter describe(ParamDef param) {
    return new Parameter(param.name(), param.type(), ParamValues.render(param.defaultValue()), param.description(),
        param.minimum() == null ? null : ParamValues.render(param.minimum()),
        param.maximum() == null ? null : ParamValues.render(param.maximum()));
  }

  @Override
  public String toString() {
    return id() + "@" + version();
  }
}
