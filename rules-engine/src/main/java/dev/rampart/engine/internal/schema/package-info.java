/** The fact model described as data: which fields a rule may name, their types and fast accessors. */
@NullMarked
package dev.rampart.engine.internal.schema;

import org.jspecify.annotations.NullMarked;
