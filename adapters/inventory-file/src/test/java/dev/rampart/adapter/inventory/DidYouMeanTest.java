package dev.rampart.adapter.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

  private static final List<String> FIELDS =
      List.of("defaultPassword", "sharedPassword", "fingerprint", "authMethod", "certificate");

  @Test
  void aTypoWithinTwoEditsFindsTheField() {
    assertEquals(Optional.of("defaultPassword"), DidYouMean.closest("defaultPasword", FIELDS));
    assertEquals(Optional.of("fingerprint"), DidYouMean.closest("fingreprint", FIELDS));
  }

  @Test
  void caseAndSeparatorsDoNotCount() {
    assertEquals(Optional.of("defaultPassword"), DidYouMean.closest("default_password", FIELDS));
    assertEquals(Optional.of("authMethod"), DidYouMean.closest("AUTH-METHOD", FIELDS));
  }

  @Test
  void aCommonPrefixFindsTheField() {
    assertEquals(Optional.of("certificate"), DidYouMean.closest("cert", FIELDS));
  }

  @Test
  void nothingCloseListsTheValidNames() {
    assertEquals(Optional.empty(), DidYouMean.closest("colour", FIELDS));
    assertEquals("valid fields: defaultPassword, sharedPassword, fingerprint, authMethod, certificate",
        DidYouMean.fix("colour", FIELDS, "fields"));
  }
}
