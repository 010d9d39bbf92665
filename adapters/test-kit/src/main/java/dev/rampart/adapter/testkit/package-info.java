/**
 * The shared contract tests of fact sources (Micrometer's compatibility-kit idea), and a recorded
 * web API for the tests of adapters that read one.
 */
@NullMarked
package dev.rampart.adapter.testkit;

import org.jspecify.annotations.NullMarked;
