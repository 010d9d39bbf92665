/** Waivers as data: reading a waiver file, glob patterns, and the fact fields a waiver can compare. */
@NullMarked
package dev.rampart.engine.internal.waiver;

import org.jspecify.annotations.NullMarked;
