/**
 * Rampart on Apache Spark: fleet tables evaluated on executors against the same packs, with the
 * same verdicts as {@link dev.rampart.engine.ComplianceEngine}.
 */
@NullMarked
package dev.rampart.spark;

import org.jspecify.annotations.NullMarked;
