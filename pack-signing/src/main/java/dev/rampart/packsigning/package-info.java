/**
 * The authoring tools for signed rule packs: making an Ed25519 {@link dev.rampart.packsigning.SigningKey}
 * and writing its key files, and signing a pack directory with {@link dev.rampart.packsigning.PackSigning}.
 * Loading a signed pack and checking its signature need none of this: they are the engine's
 * ({@code RulePacks.loadVerified}, {@code PackSignatures.verify}), and so is the signature format, which
 * this module reaches through {@code dev.rampart.engine.internal.signing}, exported to it alone.
 */
@NullMarked
package dev.rampart.packsigning;

import org.jspecify.annotations.NullMarked;
