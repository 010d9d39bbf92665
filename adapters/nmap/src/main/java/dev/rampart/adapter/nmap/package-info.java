/**
 * Reads nmap XML scans ({@code nmap -oX}) and masscan scans (its XML and JSON) as devices with their services.
 *
 * <p>Only {@link dev.rampart.adapter.nmap.NmapScanProvider} and
 * {@link dev.rampart.adapter.nmap.NmapScanSource} are public; everything else is kept
 * package-private so that it cannot leak into callers. What becomes what is described in
 * {@code docs/adapters/nmap.md}.
 */
@NullMarked
package dev.rampart.adapter.nmap;

import org.jspecify.annotations.NullMarked;
