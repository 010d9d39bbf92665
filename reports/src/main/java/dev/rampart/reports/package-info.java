/**
 * Writes an engine report in every format (text for people; JSON, SARIF, JUnit XML and HTML for
 * machines and CI) and decides the gate's verdict: start from {@link dev.rampart.reports.Evaluation#builder}.
 */
@NullMarked
package dev.rampart.reports;

import org.jspecify.annotations.NullMarked;
