/**
 * Reads things, their X.509 certificates and attached IoT policies from AWS IoT Core.
 *
 * <p>Only {@link dev.rampart.adapter.awsiot.AwsIotProvider} is public; the source, the API calls
 * and the policy parser are package-private so that they cannot leak into callers.
 */
@NullMarked
package dev.rampart.adapter.awsiot;

import org.jspecify.annotations.NullMarked;
