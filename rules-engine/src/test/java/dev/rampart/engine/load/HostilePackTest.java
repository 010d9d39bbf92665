package dev.rampart.engine.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.PackLoadException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packs written to hurt the loader: each is refused at once with one clear problem at its place,
 * never a hang, a stack trace or an exhausted heap. Big inputs are made here, not kept on disk.
 */
class HostilePackTest {

  private static final String HEAD = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata: {id: hostile, version: "1.0", title: Hostile pack}
      """;

  @TempDir Path dir;

  @Test
  void flowNestingDeeperThanTheLimitIsRefusedWhereItGoesTooDeep() {
    String pack = HEAD + "rules: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:4:72: nesting deeper than 64 levels""", problems(pack));
  }

  @Test
  void blockNestingDeeperThanTheLimitIsRefusedWhereItGoesTooDeep() {
    StringBuilder pack = new StringBuilder(HEAD).append("rules:\n");
    for (int level = 1; level <= 200; level++) {
      pack.append("  ".repeat(level)).append("k").append(level).append(":\n");
    }
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:68:129: nesting deeper than 64 levels""", problems(pack.toString()));
  }

  @Test
  void aDocumentLargerThanTheLimitIsRefusedBeforeItIsParsed() {
    String pack = HEAD + "# " + "x".repeat(9 * 1024 * 1024) + "\nrules: []\n";
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:1:1: the file is larger than 8388608 characters; split it""", problems(pack));
  }

  @Test
  void aPackFileLargerThanTheLimitIsNotEvenRead() throws IOException {
    Path file = dir.resolve("huge.yaml");
    Files.writeString(file, HEAD + "# " + "x".repeat(9 * 1024 * 1024) + "\nrules: []\n");
    assertEquals("""
        1 problem in rule pack:
        1. FILE: the pack is larger than 8388608 bytes (split the pack)""".replace("FILE", file.toString()), problems(file));
  }

  @Test
  void aQuotedTextLongerThanTheLimitIsRefused() {
    String pack = HEAD.replace("title: Hostile pack", "title: \"" + "x".repeat(2_000_000) + "\"") + "rules: []\n";
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:3:48: a text longer than 1000000 characters; shorten it""", problems(pack));
  }

  @Test
  void aPlainTextLongerThanTheLimitIsRefused() {
    String pack = HEAD + "rules:\n  - id: R1\n    title: " + "x".repeat(2_000_000) + "\n";
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:6:12: a text longer than 1000000 characters; shorten it""", problems(pack));
  }

  @Test
  void aKeyLongerThanTheLimitIsRefused() {
    // YAML limits a plain key to 1024 characters; an explicit key ('? ') has no such limit
    String pack = HEAD + "? k" + "x".repeat(2_000_000) + "\n: 1\n";
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:4:3: a text longer than 1000000 characters; shorten it""", problems(pack));
  }

  @Test
  void aNumberLongerThanTheLimitIsRefused() {
    String pack = HEAD.replace("version: \"1.0\"", "version: " + "9".repeat(1000)) + "rules: []\n";
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:3:1034: a number longer than 100 digits; shorten it, or put it in quotes if it is text""",
        problems(pack));
  }

  @Test
  void aFileThatIsNotUtf8IsRefused() throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, (HEAD + "rules: [] # caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("""
        1 problem in rule pack:
        1. FILE: the pack is not UTF-8 text (save the pack as UTF-8)""".replace("FILE", file.toString()), problems(file));
  }

  @Test
  void aFileInUtf16IsRefused() throws IOException {
    Path file = dir.resolve("utf16.yaml");
    Files.write(file, (HEAD + "rules: []\n").getBytes(StandardCharsets.UTF_16));
    assertEquals("""
        1 problem in rule pack:
        1. FILE: the pack is not UTF-8 text (save the pack as UTF-8)""".replace("FILE", file.toString()), problems(file));
  }

  @Test
  void aControlCharacterIsRefusedWhereItIs() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:4:9: not valid YAML: the character U+0000 is not allowed in YAML (remove it; is this a binary file?)""",
        problems(HEAD + "rules: [\u0000]\n"));
  }

  @Test
  void aTabThatIndentsIsRefusedWithAHint() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:5:1: not valid YAML: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) \
        for indentation) (YAML indents with spaces; replace the tab characters)""",
        problems(HEAD + "rules:\n\t- id: R1\n"));
  }

  @Test
  void valuesOfTheWrongTypeAreEachReported() {
    assertEquals("""
        4 problems in rule pack:
        1. pack.yaml:3:16: 'id' must be text, not a list
        2. pack.yaml:3:30: 'version' must be text, not a mapping
        3. pack.yaml:3:45: 'title' must be text, not the boolean true
        4. pack.yaml:4:8: 'rules' must be a list, not the number 5""",
        problems("""
            apiVersion: rampart.dev/v1
            kind: RulePack
            metadata: {id: [1], version: {a: 1}, title: true}
            rules: 5
            """));
  }

  @Test
  void anUnknownTopLevelKeyIsReportedWithTheClosestValidKey() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:4:1: unknown key 'rule' in pack (did you mean 'rules'?)""",
        problems(HEAD + "rule: []\nrules: []\n"));
  }

  @Test
  void aRuleWithNeitherTitleNorMessageIsRefusedNotCrashed() {
    // Found by PackLoaderFuzzTest (crash-rule-without-title-or-message): the default message is the title.
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:5:5: rule R1: missing 'title' in rule""",
        problems(HEAD + """
            rules:
              - id: R1
                category: identity
                severity: high
                target: device
                assert: {field: name, exists: true}
            """));
  }

  @Test
  void aYamlTagNeverInstantiatesAClassOrFetchesAUrl() throws IOException {
    // SnakeYAML's own constructor would build a ScriptEngineManager with a class loader for the URL
    // and so fetch it; the pack loader reads tags as plain data and refuses the value.
    AtomicInteger hits = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      hits.incrementAndGet();
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      String pack = HEAD.replace("title: Hostile pack", "title: !!javax.script.ScriptEngineManager "
          + "[!!java.net.URLClassLoader [[!!java.net.URL [\"" + url + "\"]]]]") + "rules: []\n";
      assertEquals("""
          1 problem in rule pack:
          1. pack.yaml:3:48: 'title' must be text, not a list""", problems(pack));
    } finally {
      server.stop(0);
    }
    assertEquals(0, hits.get(), "the pack loader fetched a URL named in a YAML tag");
  }

  private static String problems(String pack) {
    return message(assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> assertThrows(PackLoadException.class, () -> RulePacks.parse(pack, "pack.yaml"))));
  }

  private static String problems(Path file) {
    return message(assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> assertThrows(PackLoadException.class, () -> RulePacks.load(file))));
  }

  private static String message(PackLoadException e) {
    return e.getMessage().lines().collect(Collectors.joining("\n"));
  }
}
