package dev.rampart.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rampart.engine.value.Rule;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a pack that {@code extends} a base changes it, as a statement of applicability shows it: the
 * base and its version, the parameters whose defaults it changes, the parameters and rules it adds.
 * The rules it disables are {@link RulePack#disabledRules()}.
 *
 * @param baseId the id of the base pack
 * @param baseVersion the version of the base pack loaded
 * @param changedParameters the base's parameters whose default the pack overrides, in the base's order
 * @param addedParameters the parameters the pack declares that the base does not have, in pack order
 * @param addedRules the pack's own rules, in pack order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PackTailoring(String baseId, String baseVersion, List<ChangedParameter> changedParameters,
    List<Parameter> addedParameters, List<Rule> addedRules) {

  public PackTailoring {
    Objects.requireNonNull(baseId, "baseId");
    Objects.requireNonNull(baseVersion, "baseVersion");
    changedParameters = List.copyOf(changedParameters);
    addedParameters = List.copyOf(addedParameters);
    addedRules = List.copyOf(addedRules);
  }

  /**
   * A base parameter whose default the tailored pack overrides.
   *
   * @param name the parameter's name
   * @param baseDefault the base pack's default, as {@link Parameter#defaultValue()} renders it
   * @param value the tailored pack's default, rendered alike
   */
  public record ChangedParameter(String name, String baseDefault, String value) {

    public ChangedParameter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(baseDefault, "baseDefault");
      Objects.requireNonNull(value, "value");
    }
  }
}
