/**
 * Builds the Drools executable model in memory from compiled rules: one Drools rule per pack rule,
 * references and uniqueness as indexed-equality joins, findings kept by truth maintenance.
 */
@NullMarked
package dev.rampart.engine.internal.drools;

import org.jspecify.annotations.NullMarked;
