package dev.rampart.spi.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WireNamesTest {

  @Test
  void aConstantIsWrittenInLowerCamelCase() {
    assertEquals("apiKey", WireNames.of(AuthMethod.API_KEY));
    assertEquals("preSharedKey", WireNames.of(AuthMethod.PRE_SHARED_KEY));
    assertEquals("certificate", WireNames.of(AuthMethod.CERTIFICATE));
  }

  @Test
  void onlyTheExactWireNameParses() {
    assertEquals(Optional.of(AuthMethod.API_KEY), WireNames.parse(AuthMethod.class, "apiKey"));
    assertEquals(Optional.empty(), WireNames.parse(AuthMethod.class, "API_KEY"));
    assertEquals(Optional.empty(), WireNames.parse(AuthMethod.class, "apikey"));
    assertEquals(Optional.empty(), WireNames.parse(AuthMethod.class, ""));
  }

  @Test
  void everyConstantParsesFromItsOwnName() {
    for (AuthMethod method : AuthMethod.values()) {
      assertSame(method, WireNames.parse(AuthMethod.class, WireNames.of(method)).orElseThrow());
    }
  }

  @Test
  void allNamesAreListedInDeclarationOrder() {
    assertEquals(List.of("certificate", "password", "apiKey", "preSharedKey", "token", "none"),
        WireNames.all(AuthMethod.class));
  }
}
