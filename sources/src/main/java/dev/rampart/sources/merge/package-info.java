/**
 * Combines the facts that several sources report about the same thing into one fact, keeping the
 * origin of every field and every conflict visible.
 */
@NullMarked
package dev.rampart.sources.merge;

import org.jspecify.annotations.NullMarked;
