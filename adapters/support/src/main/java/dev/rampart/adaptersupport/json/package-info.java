/**
 * JSON values that remember the line and column where they start, read one value at a time with
 * Jackson's streaming parser, so that adapters reading files (Azure IoT Hub exports, MUD files) can
 * name the place of every problem.
 *
 * <p>For adapters only: the types are public so that adapter modules can use them, not for
 * embedding users, and they may change with any release.
 */
@NullMarked
package dev.rampart.adaptersupport.json;

import org.jspecify.annotations.NullMarked;
