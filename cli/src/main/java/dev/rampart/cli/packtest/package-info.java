/**
 * Testing rule packs against fixtures kept beside them, as {@code opa test} does for policies: the
 * one runner behind {@code rampart test} and the build's own check of the built-in packs.
 */
@NullMarked
package dev.rampart.cli.packtest;

import org.jspecify.annotations.NullMarked;
