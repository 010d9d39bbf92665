package dev.rampart.engine;

/** Reaches the engine's package-private settings from tests in other packages. */
public final class EngineTestAccess {

  private EngineTestAccess() {}

  /** Splits batch evaluations into parallel sessions of this many devices, so that small fleets are sharded too. */
  public static ComplianceEngine.Builder shardSize(ComplianceEngine.Builder builder, int devices) {
    return builder.shardSize(devices);
  }
}
