package dev.rampart.adapter.inventory;

import dev.rampart.adapter.certificates.TrustMaterial;
import dev.rampart.adaptersupport.json.Json;
import dev.rampart.spi.fact.Fact;
import dev.rampart.spi.source.FactSink;
import dev.rampart.spi.source.FactSource;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import dev.rampart.spi.source.Origin;
import dev.rampart.spi.source.SkippedRecord;
import dev.rampart.spi.source.SourceException;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One native inventory file (YAML or JSON), read as a stream of devices, networks, vendors and the
 * deployment; the format is described in {@code docs/inventory-format.md}.
 */
public final class InventoryFileSource implements FactSource {

  private final Path file;
  private final String name;
  private final @Nullable String embeddedAt;
  private final TrustMaterial trust;
  private final @Nullable String trustSource;
  private final ReadThreads threads;

  private InventoryFileSource(Path file, @Nullable String embeddedAt, TrustMaterial trust, @Nullable String trustSource,
      ReadThreads threads) {
    this.file = file;
    this.name = file.toString();
    this.embeddedAt = embeddedAt;
    this.trust = trust;
    this.trustSource = trustSource;
    this.threads = threads;
  }

  /** A source for the given file; nothing is opened until {@link #read(FactSink)}. */
  public static InventoryFileSource of(Path file) {
    return new InventoryFileSource(Objects.requireNonNull(file, "file"), null, TrustMaterial.none(), null,
        ReadThreads.DEFAULT);
  }

  /**
   * This source, binding the lists of a large JSON file in plain ASCII on {@code threads} threads
   * besides the one that reads it (by default, one per processor but one, at most four); 1 binds them
   * on the reading thread. A small file, a YAML file and one with other characters are always read on one thread.
   *
   * @throws IllegalArgumentException if {@code threads} is below 1
   */
  public InventoryFileSource withReadThreads(int threads) {
    return withReadThreads(new ReadThreads(threads, ReadThreads.CHUNK_BYTES, ReadThreads.MIN_FILE_BYTES));
  }

  /** This source, binding the lists of a JSON file in plain ASCII as {@code threads} says. */
  InventoryFileSource withReadThreads(ReadThreads threads) {
    return new InventoryFileSource(file, embeddedAt, trust, trustSource, Objects.requireNonNull(threads, "threads"));
  }

  /**
   * This source with trust material for the certificates the file references, in place of a
   * {@code trust} section in the file (which is then an error).
   *
   * @param source how the material was given, for messages, e.g. {@code source option trust.anchors}
   */
  public InventoryFileSource withTrust(TrustMaterial material, String source) {
    return new InventoryFileSource(file, embeddedAt, Objects.requireNonNull(material, "material"),
        Objects.requireNonNull(source, "source"), threads);
  }

  /**
   * A source for an inventory embedded in a larger document, such as a rule pack's test fixture:
   * the inventory is the value of the top-level key {@code key}, and every other top-level key is
   * skipped unread. SourceProblems keep the file's own lines and columns.
   *
   * @throws IllegalArgumentException if the key is blank
   */
  public static InventoryFileSource embedded(Path file, String key) {
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("the key holding the inventory must not be blank");
    }
    return new InventoryFileSource(Objects.requireNonNull(file, "file"), key, TrustMaterial.none(), null,
        ReadThreads.DEFAULT);
  }

  /**
   * Streams every fact of the file into the sink, each with its file, line and column, collected at
   * the file's last modification time.
   *
   * @throws SourceException with every problem found in the file, one line each, in the form
   *     {@code FILE:LINE:COLUMN: PLACE: WHAT (FIX)}; facts already handed to the sink must then be discarded
   */
  @Override
  public void read(FactSink sink) throws SourceException {
    Objects.requireNonNull(sink, "sink");
    SourceProblems problems = new SourceProblems(name);
    boolean failed;
    try (Utf8FileReader text = open()) {
      Instant collectedAt = lastModified();
      HandedOver handedOver = new HandedOver(sink);
      InventoryReader ascii = readAscii(text, handedOver, collectedAt, problems);
      if (ascii != null) {
        failed = ascii.failed();
      } else {
        problems = new SourceProblems(name);
        handedOver.readAgain();
        failed = readStream(text, handedOver, problems, collectedAt);
      }
    } catch (IOException e) {
      // Only closing can fail here, after everything was read.
      problems.add(null, "", "could not close the file: " + e.getMessage(), null);
      failed = true;
    }
    // Without a problem of the whole file, the records with problems went to the sink as skipped.
    if (failed) {
      problems.throwIfAny();
    }
  }

  /**
   * Reads a JSON file in plain ASCII, the usual shape of a large generated inventory, with Jackson's
   * byte parser, which is about twice as fast as its character parser; as every byte is then one
   * character, every line and column comes out the same. Returns the reader, whose problems went to
   * {@code problems}, or {@code null} when the file is not JSON, holds a byte that is not plain
   * ASCII, or cannot be read to its end: the facts and skipped records handed over until then are the
   * first ones {@link #readStream} hands over, and it takes over from the start of the file,
   * explaining whatever went wrong.
   *
   * <p>In a large file, the elements of each list are bound on {@link BindingThreads} while this
   * thread passes over them; their facts are handed over here, in file order, so the sink sees the
   * same calls in the same order as when one thread does everything.
   */
  private @Nullable InventoryReader readAscii(Utf8FileReader text, FactSink sink, @Nullable Instant collectedAt,
      SourceProblems problems) {
    try {
      if (InventoryFormat.detect(file, text) != InventoryFormat.JSON) {
        return null;
      }
      int bindingThreads = threads.forFile(file);
      try (RecordedBytes bytes = new RecordedBytes(AsciiBytes.of(openBytes()));
          TrackingParser parser = InventoryFormat.createJsonParser(bytes);
          BindingThreads binding = bindingThreads > 1 ? new BindingThreads(name, bindingThreads, sink.keepsFacts()) : null) {
        parser.sharedValues().holdParts(sink.keepsFacts());
        ParallelBinding parallel = binding == null ? null : new ParallelBinding(bytes, binding, threads.chunkBytes());
        InventoryReader reader = new InventoryReader(name, parser, sink, problems, embeddedAt, collectedAt,
            certificates(), parallel);
        reader.read();
        return reader;
      }
    } catch (IOException | SourceException e) {
      return null;
    }
  }

  /**
   * Decodes the file as strict UTF-8, keeping count of lines and columns, and reads it as YAML or
   * JSON; returns whether the read failed as a whole (the file cannot be read to its end, say).
   */
  private boolean readStream(Utf8FileReader text, FactSink sink, SourceProblems problems, @Nullable Instant collectedAt) {
    TrackingParser parser = null;
    try {
      parser = InventoryFormat.detect(file, text).createParser(text);
      parser.sharedValues().holdParts(sink.keepsFacts());
      InventoryReader reader = new InventoryReader(name, parser, sink, problems, embeddedAt, collectedAt,
          certificates(), null);
      reader.read();
      return reader.failed();
    } catch (IOException e) {
      TextPosition parserAt = parser == null ? null : Json.positionOf(parser.currentTokenLocation());
      StreamFailure failure = StreamFailure.of(e, text.position(), parserAt);
      problems.add(failure.position(), "", failure.what(), failure.fix());
      return true;
    }
  }

  private CertificateReferences certificates() {
    return new CertificateReferences(file.toAbsolutePath().getParent(), trust, trustSource);
  }

  @Override
  public String describe() {
    return InventoryFileProvider.ID + ":" + name;
  }

  // The file's modification time is when its facts were last collected; a file system that does not
  // keep one leaves the time unknown rather than failing the read.
  private @Nullable Instant lastModified() {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  private Utf8FileReader open() throws SourceException {
    return Utf8FileReader.of(openBytes());
  }

  private InputStream openBytes() throws SourceException {
    try {
      return InputFiles.open(file, Long.MAX_VALUE);
    } catch (InputFileException e) {
      throw new SourceException(e.cannotRead(name, "an inventory file"));
    }
  }

  /**
   * Hands facts and skipped records on to the caller's sink and counts them; when the file is read a
   * second time, what the first reading handed on is not handed on again, and a sink that refused a
   * skipped record refuses the ones after it too.
   */
  private static final class HandedOver implements FactSink {

    private final FactSink sink;
    private long count;
    private long toSkip;
    private boolean refusedSkipped;

    HandedOver(FactSink sink) {
      this.sink = sink;
    }

    @Override
    public boolean keepsFacts() {
      return sink.keepsFacts();
    }

    void readAgain() {
      toSkip = count;
      count = 0;
    }

    @Override
    public void accept(Fact fact, Origin origin) {
      if (toSkip > 0) {
        toSkip--;
        return;
      }
      count++;
      sink.accept(fact, origin);
    }

    @Override
    public void skipped(SkippedRecord record) throws SourceException {
      if (refusedSkipped) {
        throw new SourceException(record.problems());
      }
      if (toSkip > 0) {
        toSkip--;
        return;
      }
      count++;
      try {
        sink.skipped(record);
      } catch (SourceException refused) {
        refusedSkipped = true;
        throw refused;
      }
    }
  }
}
