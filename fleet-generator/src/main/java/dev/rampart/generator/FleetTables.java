package dev.rampart.generator;

/**
 * The table layout of a generated fleet ({@link FleetGenerator#writeTables}): a directory per fact
 * type, named as the inventory format names its lists, of JSON-lines files {@code part-00000.jsonl}, ...
 */
public final class FleetTables {

  /** The deployment's table: one line. */
  public static final String DEPLOYMENT = "deployment";

  /** The vendors' table. */
  public static final String VENDORS = "vendors";

  /** The networks' table, the corporate LAN first. */
  public static final String NETWORKS = "networks";

  /** The devices' table. */
  public static final String DEVICES = "devices";

  /** At most this many facts in one part file, so that a large table can be read in parallel. */
  public static final int ROWS_PER_PART = 100_000;

  private FleetTables() {}
}
