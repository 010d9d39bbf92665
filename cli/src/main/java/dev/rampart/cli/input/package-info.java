/** Reading what a command evaluates straight into the engine: one clean source streamed, without holding its facts. */
@NullMarked
package dev.rampart.cli.input;

import org.jspecify.annotations.NullMarked;
