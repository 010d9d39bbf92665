package dev.rampart.engine.internal.ast;

import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.DisabledRule;
import dev.rampart.engine.value.Framework;
import dev.rampart.engine.value.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A validated rule pack; for a pack that extends another, the composed result.
 *
 * @param id the pack's id
 * @param version its version
 * @param title its title
 * @param description what it checks
 * @param source the file or classpath resource it was read from
 * @param parameters the parameters it declares or inherits, with their (overridden) defaults
 * @param rules its rules: for a tailored pack, the base's rules that are not disabled, then its own
 * @param base the pack it extends, as loaded on its own (itself composed when it extends another), or
 *     {@code null}
 * @param disabled the base rules it (or a base further up) switched off, with the reasons
 * @param frameworks the reference frameworks it (or a base) declares, in the order declared
 * @param severities what each severity means in this pack, as its rubric states it; empty when it
 *     states none
 * @param owner who answers for the pack ({@code metadata.owner}), empty when not said
 * @param contact how to reach the owner ({@code metadata.contact}), empty when not said
 * @param categories the categories it (or a base) declares in addition to the guide's, base's first
 */
public record PackDef(
    String id,
    String version,
    String title,
    String description,
    String source,
    List<ParamDef> parameters,
    List<RuleDef> rules,
    @Nullable PackDef base,
    List<DisabledRule> disabled,
    List<Framework> frameworks,
    Map<Severity, String> severities,
    String owner,
    String contact,
    List<Category> categories) {

  public PackDef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    parameters = List.copyOf(parameters);
    rules = List.copyOf(rules);
    disabled = List.copyOf(disabled);
    frameworks = List.copyOf(frameworks);
    severities = severities.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(severities));
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(contact, "contact");
    categories = List.copyOf(categories);
  }

  /** A pack that extends nothing. */
  public PackDef(
      String id, String version, String title, String description, String source,
      List<ParamDef> parameters, List<RuleDef> rules) {
    this(id, version, title, description, source, parameters, rules, null, List.of(), List.of(), Map.of(), "", "",
        List.of());
  }
}
