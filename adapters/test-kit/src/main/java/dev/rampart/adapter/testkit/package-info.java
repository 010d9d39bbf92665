/**
 * The shared contract tests of fact sources (Micrometer's compatibility-kit idea), a recorded web
 * API for the tests of adapters that read one, a sink that records what a source hands over, and the
 * test files and small-heap reads the file adapters' tests share.
 */
@NullMarked
package dev.rampart.adapter.testkit;

import org.jspecify.annotations.NullMarked;
