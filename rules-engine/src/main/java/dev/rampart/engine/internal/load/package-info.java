/** Turns pack YAML into the validated AST, collecting every problem with its place and a fix. */
@NullMarked
package dev.rampart.engine.internal.load;

import org.jspecify.annotations.NullMarked;
