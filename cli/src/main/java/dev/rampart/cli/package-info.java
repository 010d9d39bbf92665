/** The {@code rampart} command-line tool: its entry point and exit-code handling. */
@NullMarked
package dev.rampart.cli;

import org.jspecify.annotations.NullMarked;
