package dev.rampart.engine.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * docs/rule-pack.schema.json is generated: it is exactly what {@link PackJsonSchema} makes of the
 * fact model and the loader's grammar, so a change to either that is not carried into the committed
 * file fails here, with the command that regenerates it.
 */
class PackJsonSchemaTest {

  private static final Path COMMITTED = Path.of("../docs/rule-pack.schema.json");

  @org.junit.jupiter.api.Test
  void theCommittedSchemaIsTheGeneratedOne() throws IOException {
    String generated = PackJsonSchema.generate();
    if (Boolean.getBoolean("rampart.regenerateSchema")) {
      Files.writeString(COMMITTED, generated);
    }
    List<String> expected = generated.lines().toList();
    List<String> committed = Files.readString(COMMITTED).lines().toList();
    for (int i = 0; i < Math.max(expected.size(), committed.size()); i++) {
      String want = i < expected.size() ? expected.get(i) : "(end of file)";
      String have = i < committed.size() ? committed.get(i) : "(end of file)";
      if (!want.equals(have)) {
        fail("docs/rule-pack.schema.json is not what PackJsonSchema generates from the fact model (first difference at"
            + " line " + (i + 1) + ": generated " + want.strip() + ", committed " + have.strip() + "); regenerate it"
            + " from the repository's root with:\n" + PackJsonSchema.REGENERATE);
      }
    }
    assertEquals(generated, Files.readString(COMMITTED));
  }
}
