package dev.rampart.engine.internal.drools;

import dev.rampart.engine.RuleResult;

/**
 * A non-passing result held in working memory by truth maintenance: Drools retracts it as soon as
 * the match that justified it no longer holds. Identity equality keeps each justification separate.
 */
public final class Finding {

  private final int rule;
  private final RuleResult result;

  Finding(int rule, RuleResult result) {
    this.rule = rule;
    this.result = result;
  }

  /** Index of the rule in the compiled rule list. */
  public int rule() {
    return rule;
  }

  public RuleResult result() {
    return result;
  }
}
