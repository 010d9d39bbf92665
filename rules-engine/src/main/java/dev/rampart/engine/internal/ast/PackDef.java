package dev.rampart.engine.internal.ast;

import java.util.List;
import java.util.Objects;

/**
 * A validated rule pack.
 *
 * @param id the pack's id
 * @param version its version
 * @param title its title
 * @param description what it checks
 * @param source the file or classpath resource it was read from
 * @param parameters the parameters it declares
 * @param rules its rules, in file order
 */
public record PackDef(
    String id,
    String version,
    String title,
    String description,
    String source,
    List<ParamDef> parameters,
    List<RuleDef> rules) {

  public PackDef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    parameters = List.copyOf(parameters);
    rules = List.copyOf(rules);
  }
}
