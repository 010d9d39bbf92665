/** Reading what a command evaluates: fact sources found with ServiceLoader, and the facts they hold. */
@NullMarked
package dev.rampart.cli.input;

import org.jspecify.annotations.NullMarked;
