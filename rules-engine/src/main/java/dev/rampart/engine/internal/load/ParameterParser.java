package dev.rampart.engine.internal.load;

import dev.rampart.engine.internal.ast.ParamDef;
import dev.rampart.engine.internal.yaml.Node.MapNode;
import dev.rampart.engine.internal.yaml.Node;
import dev.rampart.engine.value.ParameterType;
import dev.rampart.spi.source.DidYouMean;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses a pack's {@code parameters}: each one's type, default and range, or for a pack that
 * extends another, the new defaults of the base's parameters it overrides.
 */
final class ParameterParser {

  private static final List<String> PARAMETER_KEYS = List.of("type", "default", "description", "minimum", "maximum");
  private static final List<String> RANGE_KEYS = List.of("minimum", "maximum");

  private final PackProblemCollector problems;
  private final PackNodes nodes;
  private final Inherited inherited;
  private final Set<String> refused = new LinkedHashSet<>();

  ParameterParser(PackProblemCollector problems, Inherited inherited) {
    this.problems = problems;
    this.nodes = new PackNodes(problems);
    this.inherited = inherited;
  }

  /**
   * The parameters rules may use, by name: a base's first, in its order, an override taking the
   * place of the original, then the pack's own. One with a problem is left out.
   */
  Map<String, ParamDef> parse(@Nullable Node node) {
    Map<String, ParamDef> parameters = new LinkedHashMap<>();
    for (ParamDef param : inherited.parameters()) {
      parameters.put(param.name(), param.withDefault(param.defaultValue(), param.description(), inherited.at()));
    }
    if (node == null) {
      return parameters;
    }
    if (!(node instanceof MapNode map)) {
      problems.add(node, "'parameters' must be a mapping of name to {type, default, description}", null);
      return parameters;
    }
    for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
      String name = entry.getKey();
      if (!DocumentParser.ID.matcher(name).matches()) {
        problems.add(map.keyNodes().get(name), "invalid parameter name '" + name + "'", "use letters, digits, '.', '_' and '-'");
      } else if (!(entry.getValue() instanceof MapNode spec)) {
        problems.add(entry.getValue(), "parameter '" + name + "' must be a mapping with type and default", null);
        refused.add(name);
      } else {
        declare(name, spec).ifPresentOrElse(param -> parameters.put(name, param), () -> refused.add(name));
      }
    }
    return parameters;
  }

  /**
   * The names the pack declares under {@code parameters} that {@link #parse} left out after
   * reporting their problem: a rule using one is not reported again as using an unknown parameter.
   */
  Set<String> refused() {
    return Set.copyOf(refused);
  }

  private Optional<ParamDef> declare(String name, MapNode spec) {
    nodes.checkKeys(spec, PARAMETER_KEYS, "parameter '" + name + "'");
    ParamDef base = inherited.parameter(name);
    ParameterType type = type(name, spec, base);
    Node defaultNode = spec.entries().get("default");
    if (defaultNode == null) {
      problems.add(spec, "parameter '" + name + "' has no default", "add 'default:' with a value of its type");
    }
    String description = nodes.optionalString(spec, "description");
    if (type == null || defaultNode == null) {
      return Optional.empty();
    }
    Object raw = PackNodes.raw(defaultNode);
    String bad = ParamValues.check(type, raw);
    if (bad != null) {
      problems.add(defaultNode, "default of parameter '" + name + "' " + bad, null);
      return Optional.empty();
    }
    if (description == null) {
      description = base == null ? "" : base.description();
    }
    ParamDef declared = base != null
        ? base.withDefault(raw, description, PackNodes.position(spec))
        : range(name, type, spec, new ParamDef(name, type, raw, description, PackNodes.position(spec)));
    if (declared == null) {
      return Optional.empty();
    }
    if (base != null && (spec.entries().containsKey("minimum") || spec.entries().containsKey("maximum"))) {
      Node at = spec.entries().containsKey("minimum") ? spec.keyNodes().get("minimum") : spec.keyNodes().get("maximum");
      problems.add(at, "parameter '" + name + "' takes its range from base pack '" + inherited.base()
          + "'; an override keeps it", "remove 'minimum' and 'maximum', and give a default within the base's range");
      return Optional.empty();
    }
    String outOfRange = ParamValues.checkRange(declared, raw);
    if (outOfRange != null) {
      problems.add(defaultNode, "default of parameter '" + name + "' " + outOfRange, "give a default within the range");
      return Optional.empty();
    }
    return Optional.of(declared);
  }

  /** The parameter with the range its spec declares, or {@code null} after a problem was reported. */
  private @Nullable ParamDef range(String name, ParameterType type, MapNode spec, ParamDef param) {
    Object[] bounds = new Object[2];
    for (int i = 0; i < 2; i++) {
      String key = RANGE_KEYS.get(i);
      Node node = spec.entries().get(key);
      if (node == null) {
        continue;
      }
      if (!ParamValues.isRanged(type)) {
        problems.add(spec.keyNodes().get(key), "parameter '" + name + "' of type " + type.wireName() + " has no range",
            "remove '" + key + "': only integer, number and duration parameters take minimum and maximum");
        return null;
      }
      Object bound = PackNodes.raw(node);
      String bad = ParamValues.check(type, bound);
      if (bad != null) {
        problems.add(node, "'" + key + "' of parameter '" + name + "' " + bad, null);
        return null;
      }
      bounds[i] = bound;
    }
    if (bounds[0] != null && bounds[1] != null && ParamValues.compare(type, bounds[0], bounds[1]) > 0) {
      problems.add(spec.entries().get("maximum"), "parameter '" + name + "' has maximum " + ParamValues.render(bounds[1])
          + " below its minimum " + ParamValues.render(bounds[0]), "swap them, or widen the range");
      return null;
    }
    return new ParamDef(name, type, param.defaultValue(), param.description(), param.position(), bounds[0], bounds[1]);
  }

  /**
   * The parameter's declared type, or for an override of a base parameter the base's type; null
   * after a problem was reported, or when the base that may declare it could not be loaded.
   */
  private @Nullable ParameterType type(String name, MapNode spec, @Nullable ParamDef base) {
    Node typeNode = spec.entries().get("type");
    if (typeNode == null) {
      if (base != null) {
        return base.type();
      }
      if (!inherited.known()) {
        return null;
      }
      if (inherited.base() != null) {
        List<String> names = inherited.parameters().stream().map(ParamDef::name).toList();
        problems.add(spec, "parameter '" + name + "' is not a parameter of base pack '" + inherited.base() + "' and has no 'type'",
            DidYouMean.closest(name, names)
                .map(s -> DidYouMean.question(s) + " To declare a new parameter, add 'type:'")
                .orElse("to declare a new parameter, add 'type:' with one of: " + String.join(", ", ParameterType.wireNames())));
        return null;
      }
      problems.add(spec, "missing 'type' in parameter '" + name + "'", null);
      return null;
    }
    String typeName = nodes.string(typeNode, "type");
    if (typeName == null) {
      return null;
    }
    Optional<ParameterType> type = ParameterType.fromWireName(typeName);
    if (type.isEmpty()) {
      problems.add(typeNode, "unknown parameter type '" + typeName + "'",
          DidYouMean.hintOrList(typeName, ParameterType.wireNames(), "expected one of"));
      return null;
    }
    if (base != null && type.get() != base.type()) {
      problems.add(typeNode, "parameter '" + name + "' has type " + base.type().wireName() + " in base pack '"
          + inherited.base() + "'; an override keeps its type",
          "remove 'type: " + typeName + "' to override the default, or give a new parameter its own name");
      return null;
    }
    return type.get();
  }
}
