package dev.rampart.adapter.mud;

import dev.rampart.spi.source.TextPosition;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a MUD file says about the devices it describes.
 *
 * @param mudUrl the file's {@code mud-url}, which names the device model's MUD file
 * @param model {@code model-name}, else {@code systeminfo}, else the {@code mud-url}
 * @param allowlist every destination an {@code accept} entry of a from-device access list names
 * @param lastUpdate {@code last-update}, or {@code null} when the file does not say
 * @param supported {@code is-supported}, or {@code null} when the file does not say
 * @param at where the {@code ietf-mud:mud} container starts
 */
record MudProfile(
    String mudUrl,
    String model,
    List<String> allowlist,
    @Nullable Instant lastUpdate,
    @Nullable Boolean supported,
    TextPosition at) {

  MudProfile {
    allowlist = List.copyOf(allowlist);
  }
}
