/**
 * The Rampart job for {@code spark-submit} ({@link dev.rampart.sparkjob.RampartSparkJob}) and for the
 * {@code ./rampart-spark} launcher: fleet tables in, results and a summary with the CLI's gate out.
 */
@NullMarked
package dev.rampart.sparkjob;

import org.jspecify.annotations.NullMarked;
