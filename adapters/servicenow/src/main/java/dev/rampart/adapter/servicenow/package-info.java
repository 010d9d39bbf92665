/**
 * Reads configuration items, their manufacturers and owners from a ServiceNow instance's CMDB
 * through the Table API as facts.
 *
 * <p>Only {@link dev.rampart.adapter.servicenow.ServiceNowProvider} is public; the settings, the
 * Table API's pagination and the mapping onto the fact model are package-private so that they
 * cannot leak into callers. HTTP, retries, option parsing and secrets are
 * {@code dev.rampart.adaptersupport.http}, shared with the NetBox adapter. The mapping is described
 * in {@code docs/adapters/servicenow.md}.
 */
@NullMarked
package dev.rampart.adapter.servicenow;

import org.jspecify.annotations.NullMarked;
