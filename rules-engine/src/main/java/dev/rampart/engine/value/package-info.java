/**
 * The values the engine's API and its internals share: severities, categories, outcomes, the
 * evidence behind a result, rule identifiers and the problems found while loading.
 */
@NullMarked
package dev.rampart.engine.value;

import org.jspecify.annotations.NullMarked;
