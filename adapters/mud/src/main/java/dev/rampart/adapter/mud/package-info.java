/**
 * Reads Manufacturer Usage Description files (RFC 8520) as the egress allowlists of the devices
 * they describe.
 *
 * <p>Only {@link dev.rampart.adapter.mud.MudProvider} is public; the reader and the MUD model are
 * package-private so that they cannot leak into callers.
 */
@NullMarked
package dev.rampart.adapter.mud;

import org.jspecify.annotations.NullMarked;
