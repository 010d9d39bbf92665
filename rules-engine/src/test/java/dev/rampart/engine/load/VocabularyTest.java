package dev.rampart.engine.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.engine.RulePack;
import dev.rampart.engine.RulePacks;
import dev.rampart.engine.value.Category;
import dev.rampart.engine.value.PackLoadException;
import dev.rampart.engine.value.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open vocabulary a GRC team files rules by: free-form {@code tags} on a rule, the pack's
 * {@code owner} and {@code contact}, and {@code metadata.categories} that a rule's category may name
 * besides the guide's nine.
 */
class VocabularyTest {

  private static final String PACK = """
      apiVersion: rampart.dev/v1
      kind: RulePack
      metadata:
        id: acme
        version: "1.0"
        title: ACME pack
        owner: IoT platform security
        contact: iot-security@acme.example
        categories:
          governance:
            title: Governance and risk
            description: who answers for a device, and how risk is accepted
          privacy: {title: Privacy}
      rules:
        - id: GOV-001
          title: Every device has an owner
          category: governance
          severity: medium
          target: device
          assert: {field: owner, exists: true}
          tags: [asset-register, iso-27001]
        - id: IDN-001
          title: No default password
          category: identity
          severity: high
          target: device
          assert: {field: credentials.defaultPassword, equals: false}
      """;

  @Test
  void ownerContactDeclaredCategoriesAndTagsAreThePacksAndItsRules() throws PackLoadException {
    RulePack pack = RulePacks.parse(PACK, "pack.yaml");

    assertEquals(Optional.of("IoT platform security"), pack.owner());
    assertEquals(Optional.of("iot-security@acme.example"), pack.contact());
    Category governance = pack.categories().get(0);
    assertEquals(List.of("governance", "privacy"), pack.categories().stream().map(Category::wireName).toList());
    assertEquals("Governance and risk", governance.title());
    assertEquals(Optional.of("who answers for a device, and how risk is accepted"), governance.description());
    assertEquals(Optional.empty(), pack.categories().get(1).description());
    Rule gov = pack.rule("GOV-001").orElseThrow();
    assertEquals(governance, gov.category());
    assertEquals(false, gov.category().isBuiltIn());
    assertEquals(List.of("asset-register", "iso-27001"), gov.tags());
    assertEquals("IoT platform security", gov.owner());
    Rule idn = pack.rule("IDN-001").orElseThrow();
    assertEquals(Category.IDENTITY, idn.category());
    assertEquals(List.of(), idn.tags());
  }

  @Test
  void aPackWithoutTheNewKeysHasNoOwnerContactCategoriesOrTags() throws PackLoadException {
    RulePack pack = RulePacks.parse(PACK.substring(0, PACK.indexOf("  owner:"))
        + PACK.substring(PACK.indexOf("rules:")).replace("category: governance", "category: operations")
        .replace("    tags: [asset-register, iso-27001]\n", ""), "pack.yaml");

    assertEquals(Optional.empty(), pack.owner());
    assertEquals(Optional.empty(), pack.contact());
    assertEquals(List.of(), pack.categories());
    assertEquals(List.of(), pack.rule("GOV-001").orElseThrow().tags());
    assertEquals("", pack.rule("GOV-001").orElseThrow().owner());
  }

  @Test
  void anUnknownCategoryListsTheGuidesAndTheDeclaredOnesAndSuggestsTheNearest() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:17:15: rule GOV-001: unknown category 'governanse' (did you mean 'governance'? the guide's categories are procurement, identity, segmentation, patching, monitoring, interfaces, data, resilience, operations; the pack declares governance, privacy)""",
        problems(PACK.replace("category: governance", "category: governanse")));
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:17:15: rule GOV-001: unknown category 'legal' (the guide's categories are procurement, identity, segmentation, patching, monitoring, interfaces, data, resilience, operations; the pack declares governance, privacy; to use 'legal', declare it under metadata.categories with a title)""",
        problems(PACK.replace("category: governance", "category: legal")));
  }

  @Test
  void aPackThatDeclaresNoCategoriesSaysSoWhenARuleUsesAnother() {
    String pack = PACK.substring(0, PACK.indexOf("  categories:")) + PACK.substring(PACK.indexOf("rules:"));
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:12:15: rule GOV-001: unknown category 'governance' (the guide's categories are procurement, identity, segmentation, patching, monitoring, interfaces, data, resilience, operations; the pack declares none; to use 'governance', declare it under metadata.categories with a title)""",
        problems(pack));
  }

  @Test
  void everyMistakeInTheDeclarationsAndTagsIsReportedInOneRun() {
    String pack = PACK
        .replace("    title: Governance and risk\n", "    titel: Governance and risk\n")
        .replace("privacy: {title: Privacy}", "privacy: {title: Privacy}\n    identity: {title: Identity}\n    bad id: {title: X}")
        .replace("owner: IoT platform security", "owner: [IoT, security]")
        .replace("tags: [asset-register, iso-27001]",
            "tags: [asset-register, \"\", asset-register, true, " + "x".repeat(65) + "]");
    assertEquals("""
        8 problems in rule pack:
        1. pack.yaml:7:10: 'owner' must be text, not a list
        2. pack.yaml:11:7: unknown key 'titel' in category 'governance' (did you mean 'title'?)
        3. pack.yaml:14:5: category 'identity' is one of the guide's nine; it needs no declaration (remove it from metadata.categories)
        4. pack.yaml:15:5: invalid category id 'bad id' (use letters, digits, '.', '_' and '-')
        5. pack.yaml:23:28: rule GOV-001: a tag is empty (remove it, or write the label)
        6. pack.yaml:23:32: rule GOV-001: duplicate tag 'asset-register' (first at line 23) (remove one of them)
        7. pack.yaml:23:48: rule GOV-001: each tag must be text, not the boolean true (quote it, e.g. "true")
        8. pack.yaml:23:54: rule GOV-001: tag 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' is 65 characters long; at most 64 (shorten it: a tag is a label; say more in the rationale)""",
        problems(pack));
  }

  @Test
  void categoriesMustMapAnIdToATitle() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:9:15: 'categories' must map a category id to its title, not a list (e.g. categories: {governance: {title: Governance and risk}})""",
        problems(PACK.substring(0, PACK.indexOf("  categories:")) + "  categories: [governance]\n"
            + PACK.substring(PACK.indexOf("rules:")).replace("category: governance", "category: operations")));
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:13:14: category 'privacy' must be a mapping with a title, not the string 'Privacy' (e.g. privacy: {title: privacy, description: what belongs in it})""",
        problems(PACK.replace("privacy: {title: Privacy}", "privacy: Privacy")));
  }

  @Test
  void tagsMustBeAList() {
    assertEquals("""
        1 problem in rule pack:
        1. pack.yaml:21:11: rule GOV-001: 'tags' must be a list of text, not a mapping (e.g. tags: [network, pci-dss])""",
        problems(PACK.replace("tags: [asset-register, iso-27001]", "tags: {register: true}")));
  }

  @Test
  void aTailoredPackUsesItsBasesCategoriesAndItsOwnOwnerForEveryRule(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("base.yaml"), PACK);
    Files.writeString(dir.resolve("site.yaml"), """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata:
          id: site
          version: "1.0"
          title: Site pack
          owner: Plant 7 OT team
          categories:
            safety: {title: Functional safety}
        extends: ./base.yaml
        rules:
          - id: SITE-1
            title: Owner recorded
            category: governance
            severity: high
            target: device
            assert: {field: owner, exists: true}
            tags: [plant-7]
          - id: SITE-2
            title: Criticality known
            category: safety
            severity: high
            target: device
            assert: {field: criticality, exists: true}
        """);

    RulePack site = RulePacks.load(dir.resolve("site.yaml"));

    assertEquals(List.of("governance", "privacy", "safety"),
        site.categories().stream().map(Category::wireName).toList());
    assertEquals(List.of("Plant 7 OT team"), site.rules().stream().map(Rule::owner).distinct().toList());
    assertEquals(List.of("asset-register", "iso-27001"), site.rule("GOV-001").orElseThrow().tags());
    assertEquals(List.of("plant-7"), site.rule("SITE-1").orElseThrow().tags());
  }

  @Test
  void aTailoredPackCannotDeclareABaseCategoryAgain(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("base.yaml"), PACK);
    Files.writeString(dir.resolve("site.yaml"), """
        apiVersion: rampart.dev/v1
        kind: RulePack
        metadata:
          id: site
          version: "1.0"
          title: Site pack
          categories:
            governance: {title: Governance}
        extends: ./base.yaml
        """);

    PackLoadException e = assertThrows(PackLoadException.class, () -> RulePacks.load(dir.resolve("site.yaml")));

    assertEquals("""
        1 problem in rule pack:
        1. %s:8:5: category 'governance' is already declared by base pack 'acme' (remove it here; the base's declaration applies)"""
            .formatted(dir.resolve("site.yaml")),
        message(e));
  }

  private static String problems(String pack) {
    return message(assertThrows(PackLoadException.class, () -> RulePacks.parse(pack, "pack.yaml")));
  }

  /** The message with this platform's line separators as {@code \n}, as text blocks write them. */
  private static String message(PackLoadException e) {
    return e.getMessage().lines().collect(Collectors.joining("\n"));
  }
}
