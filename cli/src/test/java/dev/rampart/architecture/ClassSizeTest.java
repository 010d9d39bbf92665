package dev.rampart.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.SourceCodeLocation;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.IntSummaryStatistics;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A guard on the size of classes in every module: a class whose code spans more lines than a
 * reader can hold is doing more than one job (PackParser grew to 900 lines before it was split).
 * The span is measured from the compiled line numbers of the class's own code, so comments and
 * imports above the first method do not count, and nested classes count on their own.
 */
class ClassSizeTest {

  static final int MAX_LINES = 600;

  static JavaClasses rampart;

  @BeforeAll
  static void importRampart() {
    rampart = RampartClasses.all();
  }

  @Test
  void noClassSpansMoreThanSixHundredLines() {
    classes().should(spanAtMost(MAX_LINES)).check(rampart);
  }

  @Test
  void theGuardMeasuresTheSpanOfAClassesCode() {
    JavaClass self = new ClassFileImporter().importClass(ClassSizeTest.class);
    int span = span(self);
    // this class's methods lie between its first and last line: a span of zero would mean no
    // line numbers were read and the guard above could never fail
    assertTrue(span > 10 && span < 120, "span " + span);
  }

  private static ArchCondition<JavaClass> spanAtMost(int max) {
    return new ArchCondition<>("span at most " + max + " lines of code") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        int span = span(type);
        if (span > max) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " spans " + span
              + " lines (at most " + max + "): split it along the jobs it does"));
        }
      }
    };
  }

  private static int span(JavaClass type) {
    // a code unit's location is its first line; the accesses inside it reach down to its last
    IntSummaryStatistics lines = IntStream.concat(
            type.getCodeUnits().stream().map(JavaCodeUnit::getSourceCodeLocation).mapToInt(SourceCodeLocation::getLineNumber),
            type.getAccessesFromSelf().stream().mapToInt(access -> access.getLineNumber()))
        .filter(line -> line > 0)
        .summaryStatistics();
    return lines.getCount() == 0 ? 0 : lines.getMax() - lines.getMin();
  }
}
