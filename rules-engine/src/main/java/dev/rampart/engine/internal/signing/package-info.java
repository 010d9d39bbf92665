/**
 * Signed rule packs: the Ed25519 keys and their PEM files, the canonical manifest of a pack's
 * files, the {@code pack.sig} format, and the reader that lets a pack be loaded only after its
 * signature checks out.
 */
@NullMarked
package dev.rampart.engine.internal.signing;

import org.jspecify.annotations.NullMarked;
