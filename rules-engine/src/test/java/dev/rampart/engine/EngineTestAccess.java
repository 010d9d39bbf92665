package dev.rampart.engine;

/** Reaches the engine's package-private settings from tests in other packages. */
public final class EngineTestAccess {

  private EngineTestAccess() {}

  /** The compiled rules of a pack, with its parameters at their defaults. */
  public static java.util.List<dev.rampart.engine.internal.eval.RuleProgram> programs(RulePack pack) {
    java.util.Map<String, dev.rampart.engine.internal.eval.BoundParameter> parameters = new java.util.HashMap<>();
    pack.definition().parameters().forEach(param ->
        parameters.put(param.name(), new dev.rampart.engine.internal.eval.BoundParameter(param.name(), param.defaultValue())));
    return pack.definition().rules().stream()
        .map(rule -> dev.rampart.engine.internal.eval.RuleProgram.compile(rule, parameters))
        .toList();
  }

  /** Splits batch evaluations into parallel sessions of this many devices, so that small fleets are sharded too. */
  public static ComplianceEngine.Builder shardSize(ComplianceEngine.Builder builder, int devices) {
    return builder.shardSize(devices);
  }
}
