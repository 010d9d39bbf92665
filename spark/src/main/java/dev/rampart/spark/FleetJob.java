package dev.rampart.spark;

/** The Spark jobs of one evaluation. */
final class FleetJob {

  private final EngineRecipe recipe;
  private final boolean allResults;
  private final long broadcastRows;

  FleetJob(EngineRecipe recipe, boolean allResults, long broadcastRows) {
    this.recipe = recipe;
    this.allResults = allResults;
    this.broadcastRows = broadcastRows;
  }

  SparkEvaluation run(FactTables tables) {
    throw new UnsupportedOperationException("not yet");
  }
}
