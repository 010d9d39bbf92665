package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.PackDef;
import dev.rampart.engine.internal.ast.ParamDef;
import dev.rampart.engine.internal.ast.Position;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.Framework;
import dev.rampart.engine.value.Rule;
import dev.rampart.engine.value.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a pack receives from the pack it extends, as far as parsing its own part needs: the base's
 * parameters, which its parameter overrides and its added rules may use, and the frameworks, severity
 * rubric and rules its own declarations are checked against.
 *
 * @param base the base's id, or {@code null} when there is none or it could not be loaded
 * @param parameters the base's parameters, with their defaults
 * @param known false when the pack extends a base that could not be loaded: a name that is not
 *     declared here may then still be the base's, so it is not reported
 * @param at where {@code extends} is written; parameters taken over unchanged are placed there,
 *     so a problem with one points into the pack that was loaded
 * @param frameworks the reference frameworks the base declares
 * @param severities the base's severity rubric (empty when it states none)
 * @param rules the base's rules, whose references the pack's frameworks must not contradict
 * @param categories the categories the base declares, which the pack's rules may use
 */
record Inherited(
    @Nullable String base, List<ParamDef> parameters, boolean known, Position at, List<Framework> frameworks,
    Map<Severity, String> severities, List<Rule> rules, List<Category> categories) {

  /** For a pack that extends nothing. */
  static final Inherited NONE =
      new Inherited(null, List.of(), true, Position.UNKNOWN, List.of(), Map.of(), List.of(), List.of());

  /** For a pack whose base could not be loaded. */
  static final Inherited UNKNOWN =
      new Inherited(null, List.of(), false, Position.UNKNOWN, List.of(), Map.of(), List.of(), List.of());

  Inherited {
    parameters = List.copyOf(parameters);
    frameworks = List.copyOf(frameworks);
    severities = severities.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(severities));
    rules = List.copyOf(rules);
    categories = List.copyOf(categories);
  }

  static Inherited from(PackDef base, Position at) {
    return new Inherited(base.id(), base.parameters(), true, at, base.frameworks(), base.severities(),
        base.rules().stream().map(rule -> rule.info()).toList(), base.categories());
  }

  /** Whether the pack extends another, loaded or not. */
  boolean tailored() {
    return base != null || !known;
  }

  /** The base's parameter of this name, if it declares one. */
  @Nullable ParamDef parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }
}
