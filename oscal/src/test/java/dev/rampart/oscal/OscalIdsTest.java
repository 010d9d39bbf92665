package dev.rampart.oscal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The mapping from the ids packs and the guide write to OSCAL tokens, as docs/oscal.md#component-definition-and-catalog states it. */
class OscalIdsTest {

  @Test
  void guideRequirementsAreLowerCase() {
    assertEquals("g01", OscalIds.token("G01"));
  }

  @Test
  void etsiProvisionsThatBeginWithADigitGetAnUnderscore() {
    assertEquals("_5.1-1", OscalIds.token("5.1-1"));
    assertEquals("_5.13-1", OscalIds.token("5.13-1"));
  }

  @Test
  void nistSp80053EnhancementsBecomeNistsOwnIds() {
    assertEquals("ia-2.8", OscalIds.token("IA-2(8)"));
    assertEquals("ac-4", OscalIds.token("AC-4"));
  }

  @Test
  void iecRequirementEnhancementsAndSpacedNamesJoinWithHyphens() {
    assertEquals("cr-1.9-re.1", OscalIds.token("CR 1.9 RE(1)"));
    assertEquals("ndr-5.2", OscalIds.token("NDR 5.2"));
    assertEquals("logical-access-to-interfaces", OscalIds.token("Logical Access to Interfaces"));
  }

  @Test
  void parameterNamesKeepTheirCaseAndGetAnUnderscoreOnlyBeforeADigit() {
    assertEquals("minRsaKeySize", OscalIds.parameterToken("minRsaKeySize"));
    assertEquals("_2fa.window", OscalIds.parameterToken("2fa.window"));
  }

  @Test
  void underscoresStayAndOtherPunctuationBecomesOneHyphen() {
    assertEquals("device_certificate_expiring_check", OscalIds.token("DEVICE_CERTIFICATE_EXPIRING_CHECK"));
    assertEquals("a-b", OscalIds.token("a: / b"));
    assertEquals("i1", OscalIds.token("I1"));
  }
}
