/**
 * Canonical values shared by the fact model, the adapters and the engine: strict IP addresses and
 * networks, and the closed vocabularies (protocols, TLS versions, key and signature algorithms) with
 * the spellings real tools use. Facts are brought to these canonical forms in one place, their
 * constructors, so rules compare canonical values and never guess at spellings.
 */
@NullMarked
package dev.rampart.spi.value;

import org.jspecify.annotations.NullMarked;
