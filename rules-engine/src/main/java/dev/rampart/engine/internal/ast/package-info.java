/** The typed, validated rule AST that packs are parsed into and that the compiler turns into Drools rules. */
@NullMarked
package dev.rampart.engine.internal.ast;

import org.jspecify.annotations.NullMarked;
