/**
 * The runtime: compiles bound rules into a Drools executable model built in memory (one Drools rule
 * per pack rule, references and uniqueness as indexed-equality joins) and runs it: batch, sharded,
 * streaming, bounded and incremental evaluations, and explanations through the same joins. The only
 * package that talks to Drools; it hands the API internal results, which the API maps to its records.
 */
@NullMarked
package dev.rampart.engine.internal.runtime;

import org.jspecify.annotations.NullMarked;
