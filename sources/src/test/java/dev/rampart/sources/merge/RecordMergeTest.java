package dev.rampart.sources.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rampart.spi.fact.FieldPath;
import dev.rampart.spi.source.Origin;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Merging records field by field: a record type that refuses the merged values (each record was
 * accepted alone) fails naming what was merged, from where, and why.
 */
class RecordMergeTest {

  private static final Origin CMDB = new Origin("cmdb", "cmdb.json", 3, 5);
  private static final Origin SCAN = Origin.of("nmap", "scan.xml");

  @Test
  void aMergeTheRecordRefusesNamesTheRecordsAndTheReason() {
    List<RecordMerge.Claim> claims = List.of(
        new RecordMerge.Claim(new Range(5, null), CMDB), new RecordMerge.Claim(new Range(null, 3), SCAN));

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new RecordMerge().merge(Range.class, claims, FieldPath.root()));

    assertEquals("cannot merge Range from cmdb:cmdb.json:3:5 and nmap:scan.xml: low 5 is above high 3", e.getMessage());
  }

  @Test
  void aNestedMergeTheRecordRefusesNamesItsPath() {
    List<RecordMerge.Claim> claims = List.of(
        new RecordMerge.Claim(new Window(new Range(5, null)), CMDB),
        new RecordMerge.Claim(new Window(new Range(null, 3)), SCAN));

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new RecordMerge().merge(Window.class, claims, FieldPath.root()));

    assertEquals("cannot merge range from cmdb:cmdb.json:3:5 and nmap:scan.xml: low 5 is above high 3", e.getMessage());
  }

  record Range(@Nullable Integer low, @Nullable Integer high) {
    Range {
      if (low != null && high != null && low > high) {
        throw new IllegalArgumentException("low " + low + " is above high " + high);
      }
    }
  }

  record Window(Range range) {}
}
