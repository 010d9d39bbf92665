package dev.rampart.spi.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How every "did you mean" of Rampart finds the name a user meant. */
class DidYouMeanTest {

  private static final List<String> FIELDS =
      List.of("defaultPassword", "sharedPassword", "fingerprint", "authMethod", "certificate");

  @Test
  void aTypoWithinTwoEditsFindsTheField() {
    assertEquals(Optional.of("defaultPassword"), DidYouMean.closest("defaultPasword", FIELDS));
    assertEquals(Optional.of("fingerprint"), DidYouMean.closest("fingreprint", FIELDS), "a swap is one edit");
  }

  @Test
  void caseAndSeparatorsDoNotCount() {
    assertEquals(Optional.of("defaultPassword"), DidYouMean.closest("default_password", FIELDS));
    assertEquals(Optional.of("authMethod"), DidYouMean.closest("AUTH-METHOD", FIELDS));
    assertEquals(Optional.of("PASS"), DidYouMean.closest("pass", List.of("PASS", "FAIL", "UNKNOWN")));
  }

  @Test
  void aCommonPrefixFindsTheField() {
    assertEquals(Optional.of("certificate"), DidYouMean.closest("cert", FIELDS));
    assertEquals(Optional.of("crl"), DidYouMean.closest("crls", List.of("ca", "crl")));
  }

  @Test
  void aLongNameMayBeAQuarterOfItsLengthAway() {
    List<String> parameters = List.of("certificateExpiryWarningDays");
    assertEquals(Optional.of("certificateExpiryWarningDays"),
        DidYouMean.closest("certifcateExpiryWarnngDys", parameters), "three edits in 25 characters");
    assertEquals(Optional.empty(), DidYouMean.closest("cam", List.of("dog")), "three edits in 3 characters");
  }

  @Test
  void theNearestOfSeveralCloseOnesWinsAndTiesGoToTheFirst() {
    assertEquals(Optional.of("sharedPassword"), DidYouMean.closest("sharedPasword", FIELDS));
    assertEquals(Optional.of("DEMO-001"), DidYouMean.closest("DEMO-01", List.of("DEMO-001", "DEMO-010")));
  }

  @Test
  void nothingCloseListsTheValidNames() {
    assertEquals(Optional.empty(), DidYouMean.closest("colour", FIELDS));
    assertEquals("valid fields: defaultPassword, sharedPassword, fingerprint, authMethod, certificate",
        DidYouMean.hintOrList("colour", FIELDS, "valid fields"));
    assertEquals("did you mean 'fingerprint'?", DidYouMean.hintOrList("fingerprnt", FIELDS, "valid fields"));
  }

  @Test
  void aHintFallsBackToWhatTheCallerSays() {
    assertEquals("did you mean 'authMethod'?", DidYouMean.hint("authMetod", FIELDS, "it has no such field"));
    assertEquals("it has no such field", DidYouMean.hint("colour", FIELDS, "it has no such field"));
    assertEquals("it has no such field", DidYouMean.hint("colour", List.of(), "it has no such field"));
  }

  @Test
  void theNearestIsFoundHoweverFarFromAClosedList() {
    List<String> regions = List.of("us-east-1", "eu-west-1", "eu-central-1");
    assertEquals(Optional.of("eu-west-1"), DidYouMean.nearest("eu-wset-9", regions));
    assertEquals(Optional.of("us-east-1"), DidYouMean.nearest("zz-zzzz-0", regions), "a guess, still one of them");
    assertEquals(Optional.empty(), DidYouMean.nearest("eu-west-1", List.of()));
  }

  @Test
  void everyCandidateFindsItselfInAnyCaseAndNothingOutsideTheListIsEverSuggested() {
    qt().forAll(lists().of(strings().basicLatinAlphabet().ofLengthBetween(1, 12)).ofSizeBetween(1, 8),
            strings().basicLatinAlphabet().ofLengthBetween(0, 12))
        .checkAssert((candidates, input) -> {
          String first = candidates.get(0);
          assertEquals(Optional.of(first), DidYouMean.closest(first.toUpperCase(Locale.ROOT), candidates));
          DidYouMean.closest(input, candidates).ifPresent(match -> assertEquals(true, candidates.contains(match)));
          assertEquals(true, candidates.contains(DidYouMean.nearest(input, candidates).orElseThrow()));
        });
  }
}
