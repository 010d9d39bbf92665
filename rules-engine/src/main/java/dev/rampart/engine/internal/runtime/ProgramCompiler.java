package dev.rampart.engine.internal.runtime;

import dev.rampart.engine.internal.ast.PackDef;
import dev.rampart.engine.internal.ast.ParamDef;
import dev.rampart.engine.internal.eval.BoundParameter;
import dev.rampart.engine.internal.eval.RuleProgram;
import dev.rampart.engine.internal.load.ParamUses;
import dev.rampart.engine.internal.load.ParamValues;
import dev.rampart.engine.value.ParameterType;
import dev.rampart.engine.value.Problem;
import dev.rampart.spi.source.DidYouMean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns validated packs and parameter overrides into a {@link CompiledProgram}: binds each pack's
 * parameters (overrides checked against their type, range and uses), compiles every rule, and
 * builds the knowledge base.
 */
public final class ProgramCompiler {

  private ProgramCompiler() {}

  /**
   * Compiles the packs, in order, with the overrides applied to every pack that declares them.
   *
   * @throws CompileException listing every problem: an override unknown or not fitting its uses,
   *     or two packs sharing an id
   */
  public static CompiledProgram compile(List<PackDef> packs, Map<String, ParameterOverride> overrides)
      throws CompileException {
    List<Problem> problems = new ArrayList<>();
    Set<String> packIds = new HashSet<>();
    for (PackDef pack : packs) {
      if (!packIds.add(pack.id())) {
        problems.add(new Problem(pack.source(), 0, 0, null, "pack id '" + pack.id() + "' is used by two packs",
            "evaluate each pack once, or give them different ids"));
      }
    }
    Set<String> used = new HashSet<>();
    List<RuleProgram> programs = new ArrayList<>();
    for (PackDef pack : packs) {
      Map<String, BoundParameter> bound = new HashMap<>();
      for (ParamDef param : pack.parameters()) {
        Object raw = param.defaultValue();
        ParameterOverride override = overrides.get(param.name());
        if (override != null) {
          used.add(param.name());
          try {
            raw = typed(param, override);
            String outOfRange = ParamValues.checkRange(param, raw);
            if (outOfRange != null) {
              problems.add(parameterProblem(pack, param, override, outOfRange));
              continue;
            }
            for (String problem : ParamUses.check(pack.rules(), param.name(), raw)) {
              problems.add(parameterProblem(pack, param, override, problem));
            }
          } catch (IllegalArgumentException e) {
            problems.add(parameterProblem(pack, param, override, e.getMessage()));
            continue;
          }
        }
        bound.put(param.name(), new BoundParameter(param.name(), raw));
      }
      if (problems.isEmpty()) {
        pack.rules().forEach(rule -> programs.add(RuleProgram.compile(rule, bound)));
      }
    }
    for (String name : overrides.keySet()) {
      if (!used.contains(name)) {
        Set<String> known = new TreeSet<>();
        packs.forEach(p -> p.parameters().forEach(param -> known.add(param.name())));
        problems.add(new Problem("parameters", 0, 0, null, "unknown parameter '" + name + "'",
            known.isEmpty() ? "the packs declare no parameters" : DidYouMean.hintOrList(name, known, "expected one of")));
      }
    }
    if (!problems.isEmpty()) {
      throw new CompileException(problems);
    }
    return new CompiledProgram(new RuleBases(programs));
  }

  /** The raw value of an override: text parsed by the parameter's type, a typed value checked against it. */
  private static Object typed(ParamDef param, ParameterOverride override) {
    if (override instanceof ParameterOverride.Text text) {
      return ParamValues.parse(param.type(), text.text());
    }
    Object raw;
    String kind;
    boolean fits;
    if (override instanceof ParameterOverride.OfDuration duration) {
      raw = duration.value().toString();
      kind = "duration";
      fits = param.type() == ParameterType.DURATION;
    } else if (override instanceof ParameterOverride.Values values) {
      raw = values.values();
      kind = "list";
      fits = param.type() == ParameterType.LIST;
    } else {
      raw = ((ParameterOverride.OfNumber) override).value();
      kind = "integer";
      fits = param.type() == ParameterType.INTEGER || param.type() == ParameterType.NUMBER;
    }
    if (!fits) {
      throw new IllegalArgumentException("the parameter is of type " + param.type().wireName() + ", not " + kind);
    }
    String bad = ParamValues.check(param.type(), raw);
    if (bad != null) {
      throw new IllegalArgumentException(bad);
    }
    return raw;
  }

  private static Problem parameterProblem(PackDef pack, ParamDef param, ParameterOverride value, @Nullable String problem) {
    String shown;
    if (value instanceof ParameterOverride.Text text) {
      shown = ParamValues.render(text.text());
    } else if (value instanceof ParameterOverride.Values values) {
      shown = ParamValues.render(values.values());
    } else if (value instanceof ParameterOverride.OfDuration duration) {
      shown = duration.value().toString();
    } else {
      shown = ParamValues.render(((ParameterOverride.OfNumber) value).value());
    }
    String range = param.minimum() == null && param.maximum() == null ? ""
        : " within " + (param.minimum() == null ? "" : ParamValues.render(param.minimum())) + ".."
            + (param.maximum() == null ? "" : ParamValues.render(param.maximum()));
    return new Problem(pack.source(), param.position().line(), param.position().column(), null,
        "parameter '" + param.name() + "' = '" + shown + "': " + problem,
        "give a value of type " + param.type().wireName() + range + " that fits, e.g. the default "
            + ParamValues.render(param.defaultValue()));
  }
}
