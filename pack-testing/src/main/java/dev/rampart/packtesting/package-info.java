/**
 * Testing rule packs against fixtures kept beside them, as {@code opa test} does for policies: the
 * one runner behind {@code rampart test}, the build's own check of the built-in packs, and
 * {@link dev.rampart.packtesting.PackTests}, which runs a pack's fixtures as JUnit 5 tests.
 */
@NullMarked
package dev.rampart.packtesting;

import org.jspecify.annotations.NullMarked;
