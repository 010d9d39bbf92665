/** The commands of the {@code rampart} tool and the conversion of their options. */
@NullMarked
package dev.rampart.cli.command;

import org.jspecify.annotations.NullMarked;
