/**
 * JMH benchmarks of Rampart, with the Jackson floor and the CEL peer measured in the same run, and
 * the tools {@code bench/run.sh} uses to turn the figures into {@code bench/RESULTS.md}.
 */
@NullMarked
package dev.rampart.bench.jmh;

import org.jspecify.annotations.NullMarked;
