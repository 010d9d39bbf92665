/**
 * Micrometer meters for Rampart: {@link dev.rampart.micrometer.ReportMetrics} records each report's
 * statistics, {@link dev.rampart.micrometer.FindingMetrics} keeps a long-lived session's open findings.
 */
@NullMarked
package dev.rampart.micrometer;

import org.jspecify.annotations.NullMarked;
