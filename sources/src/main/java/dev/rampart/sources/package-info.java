/**
 * Reading facts as a library: fact sources found with ServiceLoader, the sources a run names, and
 * the inventory they make together once merged.
 */
@NullMarked
package dev.rampart.sources;

import org.jspecify.annotations.NullMarked;
