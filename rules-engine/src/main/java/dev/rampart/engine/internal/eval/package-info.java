/**
 * Three-valued (Kleene) evaluation of compiled conditions, with the evidence that decided each
 * result. The Drools rules built from a pack call into this package from their constraints and
 * consequences.
 */
@NullMarked
package dev.rampart.engine.internal.eval;

import org.jspecify.annotations.NullMarked;
