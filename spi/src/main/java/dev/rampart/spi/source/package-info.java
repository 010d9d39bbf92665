/** The provider interface that fact sources (inventory files, scanners, CMDBs, cloud registries) implement. */
@NullMarked
package dev.rampart.spi.source;

import org.jspecify.annotations.NullMarked;
