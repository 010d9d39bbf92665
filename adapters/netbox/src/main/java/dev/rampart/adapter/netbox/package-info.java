/**
 * Reads devices, manufacturers, VLANs and prefixes from a NetBox server's REST API as facts.
 *
 * <p>Only {@link dev.rampart.adapter.netbox.NetBoxProvider} is public; the settings, the API's
 * pagination and the mapping onto the fact model are package-private so that they cannot leak into
 * callers. HTTP, retries, option parsing and secrets are {@code dev.rampart.adaptersupport.http},
 * shared with the ServiceNow adapter. The mapping is described in {@code docs/adapters/netbox.md}.
 */
@NullMarked
package dev.rampart.adapter.netbox;

import org.jspecify.annotations.NullMarked;
