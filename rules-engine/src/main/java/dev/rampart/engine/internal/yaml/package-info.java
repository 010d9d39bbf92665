/** A YAML/JSON tree that remembers the line and column of every node, so pack problems can name their place. */
@NullMarked
package dev.rampart.engine.internal.yaml;

import org.jspecify.annotations.NullMarked;
