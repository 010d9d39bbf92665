package dev.rampart.engine.internal.drools;

import org.drools.model.Drools;

/** Where a rule's consequence puts the finding it made. */
@FunctionalInterface
public interface FindingSink {

  /**
   * For incremental sessions: the finding is inserted logically, so Drools' truth maintenance
   * retracts it as soon as the match that justified it no longer holds.
   */
  FindingSink TRUTH_MAINTAINED = Drools::logicalInsert;

  /**
   * Takes one finding.
   *
   * @param drools the consequence's handle on the session; null for a result taken straight from a
   *     rule's filter ({@link RuleBase#evaluateOnce})
   */
  void accept(Drools drools, Finding finding);
}
