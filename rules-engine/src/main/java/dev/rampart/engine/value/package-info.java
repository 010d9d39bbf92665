/**
 * The values the engine's API and its internals share: severities, categories, outcomes, the
 * evidence behind a result, rule identifiers, the problems found while loading, and the signatures
 * of packs with the exceptions that refuse a pack or a key file.
 */
@NullMarked
package dev.rampart.engine.value;

import org.jspecify.annotations.NullMarked;
