/**
 * NIST OSCAL 1.1.2 documents for GRC tools: an evaluation as assessment results, a rule pack as a
 * component definition, and the guide's requirements as the catalog their references resolve against.
 */
@NullMarked
package dev.rampart.oscal;

import org.jspecify.annotations.NullMarked;
