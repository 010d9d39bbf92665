/**
 * Reads Rampart's native inventory files (YAML or JSON) as a stream of facts.
 *
 * <p>Only {@link dev.rampart.adapter.inventory.InventoryFileProvider} and
 * {@link dev.rampart.adapter.inventory.InventoryFileSource} are public; everything else is an
 * implementation detail kept package-private so that it cannot leak into callers.
 */
@NullMarked
package dev.rampart.adapter.inventory;

import org.jspecify.annotations.NullMarked;
