package dev.rampart.spark;

/**
 * The packs the driver loaded could not be loaded again on an executor: its class path or temporary
 * directory differs from the driver's, or a pack file changed between the two.
 */
final class ExecutorPackException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  ExecutorPackException(String problems, Exception cause) {
    super("an executor could not load the packs the driver loaded (give every executor the same Rampart jars,"
        + " rampart-rule-packs among them, and a writable java.io.tmpdir): " + problems, cause);
  }
}
