package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.rampart.adapter.certificates.CertificateParseException;
import dev.rampart.adapter.certificates.TrustMaterial;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.fact.FactType;
import dev.rampart.spi.source.DidYouMean;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Walks one inventory document as a stream: each element is bound on its own and handed to the
 * sink at once, so memory stays bounded however many devices the file lists.
 *
 * <p>An element that cannot be bound (a value no vocabulary knows, a malformed address, an unknown
 * field, a duplicate id) is handed to the sink as a {@link SkippedRecord} with every problem of that
 * element, and the others are read on. A problem of the file as a whole (its syntax, its limits, an
 * unknown top-level key, a section that is not a list, the {@code trust} section) fails the read.
 * Every problem is also kept in the file's collector, so that a read that fails (a problem of the
 * whole file, or a sink that refuses skipped records) reports every problem of the file, in order.
 */
final class InventoryReader {

  /** Top-level keys and the fact type each holds, in the order messages list them. */
  private static final Map<String, FactType> SECTIONS = Map.of(
      "deployment", FactType.DEPLOYMENT,
      "vendors", FactType.VENDOR,
      "networks", FactType.NETWORK,
      "devices", FactType.DEVICE);
  private static final List<String> SECTION_NAMES = List.of("deployment", "vendors", "networks", "devices");
  /** The key of the trust material that referenced certificates are judged against. */
  private static final String TRUST = "trust";

  private final String file;
  private final TrackingParser parser;
  private final FactSink sink;
  private final SourceProblems problems;
  private final @Nullable String embeddedAt;
  private final @Nullable Instant collectedAt;
  private final CertificateReferences certificates;
  private final ElementBinder binder;
  private final @Nullable ParallelBinding parallel;
  private final FactIds ids = new FactIds();
  private boolean wholeFileProblem;
  // set once the sink refused a skipped record: the read fails, with every problem of the file
  private boolean skippingRefused;
  private long factsRead;
  private long recordsSkipped;

  /**
   * @param embeddedAt the top-level key whose value is the inventory, other top-level keys being
   *     skipped unread; {@code null} when the whole document is the inventory
   * @param collectedAt the file's last modification, for every origin; {@code null} when unknown
   * @param certificates resolves the certificates devices reference by PEM text or file
   * @param parallel binds the elements of lists on other threads; {@code null} to bind them on this one
   */
  InventoryReader(
      String file, TrackingParser parser, FactSink sink, SourceProblems problems, @Nullable String embeddedAt,
      @Nullable Instant collectedAt, CertificateReferences certificates, @Nullable ParallelBinding parallel) {
    this.file = file;
    this.parser = parser;
    this.sink = sink;
    this.problems = problems;
    this.embeddedAt = embeddedAt;
    this.collectedAt = collectedAt;
    this.certificates = certificates;
    this.binder = new ElementBinder(file);
    this.parallel = parallel;
  }

  /**
   * Reads the whole document, adding a problem for each bad element and going on past it.
   *
   * @throws IOException when the stream itself cannot be read further (syntax, limits, encoding)
   */
  void read() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      fileProblem(null, "", "the file is empty or holds only comments",
          "write at least one of: " + String.join(", ", embeddedAt == null ? SECTION_NAMES : List.of(embeddedAt)));
      return;
    }
    if (embeddedAt == null) {
      if (first != JsonToken.START_OBJECT) {
        fileProblem(here(), "", "expected the keys " + String.join(", ", SECTION_NAMES) + " at the top level but found "
            + Found.describe(parser), "start the file with one of them, e.g. 'devices:'");
        return;
      }
      readSections("");
    } else if (!readEmbedded(embeddedAt)) {
      return;
    }
    if (!problems.isFull() && parser.nextToken() != null) {
      fileProblem(here(), "", "found more content after the inventory ended",
          "keep one inventory per file; a YAML file must not contain a second document after '---'");
    }
    if (factsRead == 0 && recordsSkipped == 0 && !failed()) {
      fileProblem(null, "", "the inventory lists no deployment, vendor, network or device",
          "list them under 'deployment:', 'vendors:', 'networks:' or 'devices:'; an inventory with nothing in it"
              + " is never read as a clean pass");
    }
  }

  /**
   * Whether the read must fail with every problem of the file: a problem of the file as a whole, more
   * problems than are reported, or a sink that does not take skipped records.
   */
  boolean failed() {
    return wholeFileProblem || skippingRefused || problems.isFull();
  }

  /**
   * Reads the inventory held under the top-level key {@code key}; every other top-level key is
   * skipped without binding its value. Returns false when the document is not an object at all.
   */
  private boolean readEmbedded(String key) throws IOException {
    if (!parser.hasToken(JsonToken.START_OBJECT)) {
      fileProblem(here(), "", "expected the key '" + key + "' at the top level but found " + Found.describe(parser),
          "write the inventory under '" + key + ":'");
      return false;
    }
    boolean found = false;
    while (!problems.isFull() && parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (!name.equals(key)) {
        parser.skipChildren();
      } else if (value == JsonToken.START_OBJECT) {
        found = true;
        readSections(key + ".");
      } else {
        found = true;
        fileProblem(here(), key, "expected the inventory (an object with the keys " + String.join(", ", SECTION_NAMES)
            + ") but found " + Found.describe(parser), "write the deployment, vendors, networks and devices under '" + key
            + ":'");
        parser.skipChildren();
      }
    }
    if (!found && !problems.isFull()) {
      fileProblem(null, "", "no top-level key '" + key + "' holds the inventory",
          "add '" + key + ":' with the deployment, vendors, networks and devices");
    }
    return true;
  }

  /** Reads the keys of the inventory object the parser is in, up to its end; {@code prefix} leads every place. */
  private void readSections(String prefix) throws IOException {
    JsonStreamContext inventory = parser.getParsingContext();
    while (!problems.isFull() && parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      TextPosition keyAt = here();
      parser.nextToken();
      FactType type = SECTIONS.get(key);
      if (key.equals(TRUST)) {
        readTrust(prefix, keyAt, inventory);
      } else if (type == null) {
        String what = prefix.isEmpty()
            ? "unknown top-level key '" + key + "'"
            : "unknown key '" + key + "' in '" + prefix.substring(0, prefix.length() - 1) + "'";
        fileProblem(keyAt, "", what, DidYouMean.hintOrList(key, SECTION_NAMES, "valid keys"));
        parser.skipChildren();
      } else if (type == FactType.DEPLOYMENT) {
        readDeployment(prefix, inventory);
      } else {
        readList(prefix, key, type);
      }
    }
  }

  private void readDeployment(String prefix, JsonStreamContext inventory) throws IOException {
    if (parser.hasToken(JsonToken.VALUE_NULL)) {
      return;
    }
    if (!parser.hasToken(JsonToken.START_OBJECT)) {
      TextPosition at = here();
      SourceProblems record = new SourceProblems(file);
      record.add(at, prefix + "deployment", "expected an object but found " + Found.describe(parser),
          "the deployment is a single object with an 'id', not a list");
      parser.skipChildren();
      skip(at, FactType.DEPLOYMENT, null, record);
      return;
    }
    readElement(new ElementPlace(prefix + "deployment", -1, null), FactType.DEPLOYMENT, inventory);
  }

  private void readList(String prefix, String key, FactType type) throws IOException {
    if (parser.hasToken(JsonToken.VALUE_NULL)) {
      return;
    }
    String section = prefix + key;
    if (!parser.hasToken(JsonToken.START_ARRAY)) {
      fileProblem(here(), section, "expected a list but found " + Found.describe(parser),
          "write one '- id: ...' entry per " + type.wireName());
      parser.skipChildren();
      return;
    }
    if (parallel != null) {
      readListInParallel(section, type, parallel);
      return;
    }
    JsonStreamContext list = parser.getParsingContext();
    int index = 0;
    while (!problems.isFull()) {
      JsonToken token = parser.nextToken();
      if (token == null || token == JsonToken.END_ARRAY) {
        return;
      }
      ElementPlace place = new ElementPlace(section, index++, null);
      if (token == JsonToken.START_OBJECT) {
        readElement(place, type, list);
      } else {
        handOver(notAnObject(place, type), place, type);
      }
    }
  }

  /**
   * Reads a list as {@link #readList} does, but only passes over each object here, leaving its
   * bytes to other threads to bind; their results are handed over here, in file order.
   */
  private void readListInParallel(String section, FactType type, ParallelBinding chunks) throws IOException {
    int index = 0;
    while (!problems.isFull()) {
      JsonToken token = parser.nextToken();
      if (token == null || token == JsonToken.END_ARRAY) {
        break;
      }
      if (token == JsonToken.START_OBJECT) {
        long startByte = parser.tokenByteOffset();
        TextPosition start = here();
        chunks.starting(startByte);
        parser.skipUnchecked();
        chunks.add(section, type, index, start, startByte, parser.tokenByteOffset() + 1);
      } else {
        chunks.addJudged(section, type, index, notAnObject(new ElementPlace(section, index, null), type));
      }
      index++;
      while (chunks.full()) {
        handOver(chunks.next(), type);
      }
    }
    while (!chunks.isEmpty()) {
      handOver(chunks.next(), type);
    }
  }

  private void handOver(ElementChunk chunk, FactType type) {
    List<BoundElement> elements = chunk.elements();
    for (int i = 0; i < elements.size() && !problems.isFull(); i++) {
      handOver(elements.get(i), new ElementPlace(chunk.section(), chunk.firstIndex() + i, null), type);
    }
  }

  /** The entry under the parser, which is not an object, judged and passed over. */
  private BoundElement notAnObject(ElementPlace place, FactType type) throws IOException {
    String fix = parser.hasToken(JsonToken.VALUE_NULL)
        ? "remove the empty '-' entry"
        : "write each " + type.wireName() + " as named fields, starting with 'id: ...'";
    TextPosition at = here();
    SourceProblems record = new SourceProblems(file);
    record.add(at, place.toString(), "expected an object but found " + Found.describe(parser), fix);
    parser.skipChildren();
    return new BoundElement.Unbound(at, null, record);
  }

  /**
   * Binds the object under the parser and hands it over; {@code container} is the list (or root) it
   * sits in. An element that cannot be bound is skipped, with its problems, and reading goes on after it.
   */
  private void readElement(ElementPlace place, FactType type, JsonStreamContext container) throws IOException {
    handOver(binder.bind(parser, place, type, container), place, type);
  }

  /**
   * Does with a bound element what must follow the file's order: checks its id against those before
   * it, resolves its certificate reference, and hands it to the sink, or hands it over as skipped.
   */
  private void handOver(BoundElement element, ElementPlace place, FactType type) {
    TextPosition start = element.start();
    if (element instanceof BoundElement.Unbound unbound) {
      skip(start, type, unbound.id(), unbound.problems());
      return;
    }
    BoundElement.Bound bound = (BoundElement.Bound) element;
    Fact fact = bound.fact();
    TextPosition first = ids.firstDefinition(type, fact.id(), start);
    if (first != null) {
      SourceProblems record = new SourceProblems(file);
      record.add(start, place.withoutId(), "duplicate " + type.wireName() + " id '" + fact.id()
          + "' (first defined at " + file + ":" + first + "); give each " + type.wireName() + " its own id", null);
      skip(start, type, fact.id(), record);
      return;
    }
    if (bound.reference() != null && fact instanceof Device device) {
      SourceProblems record = new SourceProblems(file);
      fact = certificates.resolve(device, bound.reference(), new ElementPlace(place.section(), place.index(),
          fact.id()), record);
      if (fact == null) {
        skip(start, type, device.id(), record);
        return;
      }
    }
    factsRead++;
    sink.accept(fact, origin(start));
  }

  /**
   * Hands a record that could not be read to the sink as skipped, with every problem found in it, and
   * keeps its problems for a read that fails. A sink that refuses skipped records fails the read.
   */
  private void skip(TextPosition start, FactType type, @Nullable String id, SourceProblems record) {
    List<String> lines = record.inFileOrder();
    lines.forEach(problems::add);
    recordsSkipped++;
    if (skippingRefused) {
      return;
    }
    Origin origin = origin(start);
    try {
      sink.skipped(id == null ? new SkippedRecord(origin, type, null, lines) : SkippedRecord.of(origin, type, id, lines));
    } catch (SourceException refused) {
      // the sink reads strictly: the read fails at its end, naming every problem of the file
      skippingRefused = true;
    }
  }

  private Origin origin(TextPosition start) {
    return new Origin(InventoryFileProvider.ID, file, start.line(), start.column(), collectedAt);
  }

  /** Adds a problem of the file as a whole: the read fails, whatever the sink does with skipped records. */
  private void fileProblem(@Nullable TextPosition at, String place, String what, @Nullable String fix) {
    wholeFileProblem = true;
    problems.add(at, place, what, fix);
  }

  /**
   * Reads the {@code trust} section: the anchors and CRL that referenced certificates are judged
   * against from then on. It must come before the first such certificate.
   */
  private void readTrust(String prefix, TextPosition keyAt, JsonStreamContext inventory) throws IOException {
    String section = prefix + TRUST;
    if (certificates.analysed() > 0) {
      fileProblem(keyAt, section, "'" + TRUST + "' comes after certificates that were already analysed without it",
          "move '" + TRUST + ":' above 'devices:'");
      parser.skipChildren();
      return;
    }
    if (certificates.trustSource() != null) {
      fileProblem(keyAt, section, "trust material is given both here and as " + certificates.trustSource(),
          "give it in one place");
      parser.skipChildren();
      return;
    }
    if (parser.hasToken(JsonToken.VALUE_NULL)) {
      return;
    }
    if (!parser.hasToken(JsonToken.START_OBJECT)) {
      fileProblem(here(), section, "expected an object but found " + Found.describe(parser),
          "write 'anchors: [FILE, ...]', 'organisationPki: true or false' and 'crl: FILE' under it");
      parser.skipChildren();
      return;
    }
    TextPosition start = here();
    parser.startElement();
    TrustSection trust;
    try {
      trust = FactReaders.forTrust().readValue(parser);
    } catch (JsonMappingException e) {
      IOException streamFailure = ElementBinder.streamFailureIn(e);
      if (streamFailure != null) {
        throw streamFailure;
      }
      // The type only matters for a missing id, which the trust section does not have.
      BindingError error = BindingError.of(e, parser, FactType.DEPLOYMENT, start);
      parser.skipUntilBackIn(inventory);
      fileProblem(error.position(), new ElementPlace(section, -1, null).append(error.path()), error.what(), error.fix());
      return;
    }
    TrustMaterial material = trustMaterial(trust, section, start);
    if (material != null) {
      certificates.trust(material, "the '" + section + "' section");
    } else {
      // every certificate after it would be judged without the trust material the file asks for
      wholeFileProblem = true;
    }
  }

  private @Nullable TrustMaterial trustMaterial(TrustSection trust, String section, TextPosition start) {
    List<byte[]> anchors = new ArrayList<>();
    List<String> anchorFiles = trust.anchors() == null ? List.of() : trust.anchors();
    TextPosition anchorsAt = orElse(parser.fieldPosition(0, "anchors"), start);
    boolean ok = true;
    for (int i = 0; i < anchorFiles.size(); i++) {
      String at = section + ".anchors[" + i + "]";
      byte[] anchor = certificates.readFile(anchorFiles.get(i), anchorsAt, at, "trust anchor file", problems);
      try {
        if (anchor != null) {
          TrustFiles.checkAnchor(anchor);
          anchors.add(anchor);
          continue;
        }
      } catch (CertificateParseException e) {
        fileProblem(anchorsAt, at, "'" + anchorFiles.get(i) + "' is " + e.getMessage(), "name a PEM or DER CA certificate");
      }
      ok = false;
    }
    byte[] crl = null;
    if (trust.crl() != null) {
      TextPosition crlAt = orElse(parser.fieldPosition(0, "crl"), start);
      crl = certificates.readFile(trust.crl(), crlAt, section + ".crl", "CRL file", problems);
      try {
        if (crl != null) {
          TrustFiles.checkCrl(crl);
        }
      } catch (CertificateParseException e) {
        fileProblem(crlAt, section + ".crl", "'" + trust.crl() + "' is " + e.getMessage(), "name a PEM or DER CRL");
        crl = null;
      }
      ok &= crl != null;
    }
    if (!ok) {
      return null;
    }
    try {
      return TrustFiles.of(anchors, !Boolean.FALSE.equals(trust.organisationPki()), crl);
    } catch (CertificateParseException e) {
      fileProblem(start, section, e.getMessage(), null);
      return null;
    }
  }

  private static TextPosition orElse(@Nullable TextPosition position, TextPosition fallback) {
    return position != null ? position : fallback;
  }

  private TextPosition here() {
    return ElementBinder.here(parser);
  }
}
