/**
 * Signed rule packs: the Ed25519 keys and their PEM files, the canonical manifest of a pack's
 * files, the {@code pack.sig} format, and the reader that lets a pack be loaded only after its
 * signature checks out.
 *
 * <p>The one internal package used outside the engine: it is exported to {@code dev.rampart.packsigning}
 * alone (the authoring tools, which make keys and sign packs in the format defined here), and only
 * {@link dev.rampart.engine.internal.signing.PackToSign}, {@link dev.rampart.engine.internal.signing.Ed25519}
 * and {@link dev.rampart.engine.internal.signing.KeyFiles} are for it; ModuleLayeringTest holds that line.
 */
@NullMarked
package dev.rampart.engine.internal.signing;

import org.jspecify.annotations.NullMarked;
