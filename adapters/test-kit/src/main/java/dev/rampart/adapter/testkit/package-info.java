/** The shared contract tests of fact sources (Micrometer's compatibility-kit idea). */
@NullMarked
package dev.rampart.adapter.testkit;

import org.jspecify.annotations.NullMarked;
