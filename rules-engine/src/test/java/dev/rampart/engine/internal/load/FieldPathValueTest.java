package dev.rampart.engine.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rampart.engine.internal.ast.FieldPath;
import dev.rampart.engine.internal.schema.Schemas;
import dev.rampart.engine.internal.waiver.FieldLookup;
import dev.rampart.engine.internal.waiver.FieldPathException;
import dev.rampart.engine.internal.yaml.Node.ScalarNode;
import dev.rampart.spi.fact.FactType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A field path is resolved once into a value; its text is rendered from it, never parsed again. */
class FieldPathValueTest {

  private final PackProblemCollector problems = new PackProblemCollector("pack.yaml");
  private final PathResolver resolver = new PathResolver(problems);
  private final PathScope device = PathScope.root(Schemas.of(FactType.DEVICE));

  @Test
  void aPathIsItsStepsAndItsTextIsRenderedFromThem() {
    FieldPath path = resolve("credentials.certificate.keySize");

    assertEquals(List.of("credentials", "certificate", "keySize"), path.names());
    assertEquals("credentials.certificate.keySize", path.text());
    assertEquals("keySize", path.field().name());
  }

  @Test
  void aMapKeyIsAStepOfItsOwn() {
    FieldPath path = resolve("attributes.site");

    assertEquals(List.of("attributes", "site"), path.names());
    assertEquals("attributes.site", path.text());
  }

  @Test
  void pathsAreComparedAsValues() {
    assertEquals(resolve("firmware.version"), resolve("firmware.version"));
    assertEquals(resolve("firmware.version").hashCode(), resolve("firmware.version").hashCode());
    assertNotEquals(resolve("firmware.version"), resolve("firmware.releaseDate"));
    assertNotEquals(resolve("attributes.site"), resolve("attributes.room"));
  }

  @Test
  void aWaiverFieldIsTheSameValueAsThePackPath() throws FieldPathException {
    assertEquals(resolve("attributes.site"), FieldLookup.resolve(FactType.DEVICE, dev.rampart.spi.fact.FieldPath.parse("attributes.site")).path());
    assertEquals(resolve("firmware.version"), FieldLookup.resolve(FactType.DEVICE, dev.rampart.spi.fact.FieldPath.parse("firmware.version")).path());
  }

  @Test
  void aReferenceKnowsTheComponentThatHoldsItsIds() {
    assertEquals("vendorId", Schemas.componentName(Schemas.of(FactType.DEVICE).fields().get("vendor")));
    assertEquals("networkIds", Schemas.componentName(Schemas.of(FactType.DEVICE).fields().get("networks")));
  }

  @Test
  void anUnknownFieldIsAProblemWithTheClosestPath() {
    assertNull(resolver.resolve(new ScalarNode(3, 14, "x"), "credentials.defaultPasword", device, PathResolver.Use.LEAF));

    assertEquals("pack.yaml:3:14: unknown field 'credentials.defaultPasword': 'credentials' has no field"
        + " 'defaultPasword' (did you mean 'credentials.defaultPassword'?)", problems.stop().problems().get(0).toString());
  }

  private FieldPath resolve(String text) {
    FieldPath path = resolver.resolve(new ScalarNode(1, 1, text), text, device, PathResolver.Use.LEAF);
    assertEquals(List.of(), problems.stop().problems(), text);
    return path;
  }
}
