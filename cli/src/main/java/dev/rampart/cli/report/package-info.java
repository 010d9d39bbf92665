/** Renders an evaluation as a text report for people or a JSON report for machines. */
@NullMarked
package dev.rampart.cli.report;

import org.jspecify.annotations.NullMarked;
