/** Baselines: the findings a team has already accepted, recorded so that only new findings fail the gate. */
@NullMarked
package dev.rampart.reports.baseline;

import org.jspecify.annotations.NullMarked;
