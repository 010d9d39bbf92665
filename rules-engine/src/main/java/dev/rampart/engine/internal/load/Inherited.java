package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.PackDef;
import dev.rampart.engine.internal.ast.ParamDef;
import dev.rampart.engine.internal.ast.Position;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a pack receives from the pack it extends, as far as parsing its own part needs: the base's
 * parameters, which its parameter overrides and its added rules may use.
 *
 * @param base the base's id, or {@code null} when there is none or it could not be loaded
 * @param parameters the base's parameters, with their defaults
 * @param known false when the pack extends a base that could not be loaded: a name that is not
 *     declared here may then still be the base's, so it is not reported
 * @param at where {@code extends} is written; parameters taken over unchanged are placed there,
 *     so a problem with one points into the pack that was loaded
 */
record Inherited(@Nullable String base, List<ParamDef> parameters, boolean known, Position at) {

  /** For a pack that extends nothing. */
  static final Inherited NONE = new Inherited(null, List.of(), true, Position.UNKNOWN);

  /** For a pack whose base could not be loaded. */
  static final Inherited UNKNOWN = new Inherited(null, List.of(), false, Position.UNKNOWN);

  Inherited {
    parameters = List.copyOf(parameters);
  }

  static Inherited from(PackDef base, Position at) {
    return new Inherited(base.id(), base.parameters(), true, at);
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
