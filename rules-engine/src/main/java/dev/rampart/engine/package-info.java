/**
 * The embedding API: load rule packs with {@link dev.rampart.engine.RulePacks}, build a
 * {@link dev.rampart.engine.ComplianceEngine}, evaluate facts into an immutable
 * {@link dev.rampart.engine.Report}, or keep results current in a
 * {@link dev.rampart.engine.ComplianceSession}.
 */
@NullMarked
package dev.rampart.engine;

import org.jspecify.annotations.NullMarked;
