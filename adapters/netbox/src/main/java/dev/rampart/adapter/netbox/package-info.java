/**
 * Reads devices, manufacturers, VLANs and prefixes from a NetBox server's REST API as facts.
 *
 * <p>Only {@link dev.rampart.adapter.netbox.NetBoxProvider} is public; the HTTP client, the option
 * parsing and the mapping onto the fact model are package-private so that they cannot leak into
 * callers. The mapping is described in {@code docs/adapters/netbox.md}.
 */
@NullMarked
package dev.rampart.adapter.netbox;

import org.jspecify.annotations.NullMarked;
