package dev.rampart.engine.internal.runtime;

import org.drools.model.Drools;

/** Where a rule's consequence puts the finding it made. */
@FunctionalInterface
interface FindingSink {

  /**
   * For incremental sessions: the finding is inserted logically, so Drools' truth maintenance
   * retracts it as soon as the match that justified it no longer holds.
   */
  FindingSink TRUTH_MAINTAINED = Drools::logicalInsert;

  /**
   * Takes one finding.
   *
   * @param drools the consequence's handle on the session
   */
  void accept(Drools drools, Finding finding);
}
