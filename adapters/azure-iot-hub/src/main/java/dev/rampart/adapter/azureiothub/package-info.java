/**
 * Reads Azure IoT Hub device identities and twins, as exported by the Azure CLI, as a stream of devices.
 *
 * <p>Only {@link dev.rampart.adapter.azureiothub.AzureIotHubProvider} is public; the streaming
 * reader and the mapping are package-private so that they cannot leak into callers.
 */
@NullMarked
package dev.rampart.adapter.azureiothub;

import org.jspecify.annotations.NullMarked;
