/**
 * The typed, immutable IoT fact model that rule packs are evaluated against.
 *
 * <p>Every component that a source did not report is {@code null}: absent means unknown, never
 * false. Rules see an absent field as UNKNOWN evidence, so no default is ever invented here.
 */
@NullMarked
package dev.rampart.spi.fact;

import org.jspecify.annotations.NullMarked;
