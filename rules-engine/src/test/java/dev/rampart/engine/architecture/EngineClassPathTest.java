package dev.rampart.engine.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the engine leaves off an application's class path: it builds Drools' executable model in memory
 * from the rule AST and neither parses DRL nor compiles Java source, so the DRL parser, ANTLR 3 and 4,
 * ECJ and Drools' Maven support are excluded from its dependencies (rules-engine/pom.xml); in
 * applications they clash with Hibernate's ANTLR 4 and Jasper's ECJ. The test class path holds the
 * engine's runtime class path, so a Drools upgrade or a new dependency that brings one back fails here.
 */
class EngineClassPathTest {

  /** One class of each excluded jar, with the jar's name. */
  private static final List<List<String>> EXCLUDED = List.of(
      List.of("org.drools.drl.parser.DrlParser", "drools-drl-parser"),
      List.of("org.drools.drl.ast.descr.PackageDescr", "drools-drl-ast"),
      List.of("org.drools.drl.extensions.DecisionTableFactory", "drools-drl-extensions"),
      List.of("org.antlr.runtime.Parser", "antlr-runtime (ANTLR 3)"),
      List.of("org.antlr.v4.runtime.Parser", "antlr4-runtime (ANTLR 4)"),
      List.of("org.drools.ecj.EclipseJavaCompiler", "drools-ecj"),
      List.of("org.eclipse.jdt.internal.compiler.Compiler", "ecj (the Eclipse Java compiler)"),
      List.of("org.kie.util.maven.support.DependencyFilter", "kie-util-maven-support"));

  @Test
  void noDrlParserAntlrOrJavaCompilerIsOnTheClassPath() {
    List<String> present = EXCLUDED.stream()
        .filter(excluded -> loadable(excluded.get(0)))
        .map(excluded -> excluded.get(1) + " (" + excluded.get(0) + ")")
        .toList();

    assertEquals(List.of(), present,
        "back on the class path: exclude them from the dependency that brings them (mvn dependency:tree -pl rules-engine)");
  }

  private static boolean loadable(String className) {
    try {
      Class.forName(className, false, EngineClassPathTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
