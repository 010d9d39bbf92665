/**
 * A deterministic fleet generator: realistic native inventories of any size, written as a stream,
 * for benchmarks and demonstrations. The same spec always gives the same bytes.
 */
@NullMarked
package dev.rampart.generator;

import org.jspecify.annotations.NullMarked;
