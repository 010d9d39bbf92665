package dev.rampart.engine.internal.runtime;

/**
 * A non-passing result held in working memory by truth maintenance: Drools retracts it as soon as
 * the match that justified it no longer holds. Identity equality keeps each justification separate.
 */
final class Finding {

  private final Result result;

  Finding(Result result) {
    this.result = result;
  }

  /** Index of the rule in the compiled rule list. */
  int rule() {
    return result.rule();
  }

  Result result() {
    return result;
  }
}
