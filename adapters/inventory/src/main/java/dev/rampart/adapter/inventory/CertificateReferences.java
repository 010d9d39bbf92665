package dev.rampart.adapter.inventory;

import dev.rampart.adapter.certificates.CertificateAnalyzer;
import dev.rampart.adapter.certificates.CertificateParseException;
import dev.rampart.adapter.certificates.TrustMaterial;
import dev.rampart.spi.fact.Certificate;
import dev.rampart.spi.fact.Credentials;
import dev.rampart.spi.fact.Device;
import dev.rampart.spi.source.InputFileException;
import dev.rampart.spi.source.InputFiles;
import dev.rampart.spi.source.SourceProblems;
import dev.rampart.spi.source.TextPosition;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The certificates an inventory references by {@code credentials.certificate.pem} or
 * {@code .file}: each is analysed with {@link CertificateAnalyzer} against the trust material at
 * hand, and the analysed fields fill the ones the inventory left out. A field the inventory gives
 * that the certificate contradicts is a problem.
 *
 * <p>One instance serves one read: a {@link PendingReference} catches the reference while Jackson
 * binds a device, on whichever thread binds it, and the reader resolves it here once the device is
 * bound, in file order, against the trust material then in force.
 */
final class CertificateReferences {

  /** The field names that reference a certificate instead of describing it. */
  static final String PEM = "pem";
  static final String FILE = "file";

  /** Largest certificate file read; a device certificate with its chain is a few kilobytes. */
  static final int MAX_BYTES = 1024 * 1024;

  private final Path directory;
  private TrustMaterial trust;
  private @Nullable String trustSource;
  private int analysed;

  /**
   * @param directory where relative certificate paths start: the inventory file's directory
   * @param trust trust material given with the source's options, or {@link TrustMaterial#none()}
   * @param trustSource how the options named it, for messages; {@code null} when there is none
   */
  CertificateReferences(Path directory, TrustMaterial trust, @Nullable String trustSource) {
    this.directory = directory;
    this.trust = trust;
    this.trustSource = trustSource;
  }

  /** How the trust material in use was given, for messages; {@code null} when there is none. */
  @Nullable String trustSource() {
    return trustSource;
  }

  /** How many certificates were analysed so far, against the trust material then at hand. */
  int analysed() {
    return analysed;
  }

  /** Uses the trust material of the file's own {@code trust} section from now on. */
  void trust(TrustMaterial material, String source) {
    this.trust = material;
    this.trustSource = source;
  }

  /**
   * The device with its referenced certificate analysed and merged, or {@code null} after adding
   * the problems that prevented it.
   */
  @Nullable Device resolve(Device device, Reference reference, ElementPlace place, SourceProblems problems) {
    String at = place + ".credentials.certificate." + reference.field();
    byte[] encoded = reference.field().equals(PEM)
        ? reference.value().getBytes(StandardCharsets.UTF_8)
        : readFile(reference, at, problems);
    if (encoded == null) {
      return null;
    }
    Certificate analysed;
    try {
      analysed = CertificateAnalyzer.analyze(encoded, trust);
    } catch (CertificateParseException e) {
      problems.add(reference.position(), at, e.getMessage(), reference.field().equals(PEM)
          ? "give the certificate as PEM text starting with -----BEGIN CERTIFICATE-----"
          : "name a PEM or DER certificate file");
      return null;
    }
    this.analysed++;
    Credentials credentials = Objects.requireNonNull(device.credentials(), "credentials");
    Certificate merged = merge(credentials.certificate(), analysed, reference, place, problems);
    if (merged == null) {
      return null;
    }
    return device.toBuilder()
        .credentials(credentials.toBuilder().certificate(merged).build())
        .build();
  }

  /**
   * Reads a certificate or CRL file named in the inventory: relative to the inventory's directory,
   * a regular file, at most {@link #MAX_BYTES}.
   */
  @Nullable byte[] readFile(String name, @Nullable TextPosition position, String at, String what, SourceProblems problems) {
    Path file;
    try {
      file = directory.resolve(name);
    } catch (InvalidPathException e) {
      problems.add(position, at, "'" + name + "' is not a valid file path (" + e.getReason() + ")", null);
      return null;
    }
    String cannot = "cannot read the " + what + " '" + name + "'";
    String relative = "the path is relative to the inventory file's directory, " + directory;
    try {
      return InputFiles.read(file, MAX_BYTES);
    } catch (InputFileException e) {
      switch (e.kind()) {
        case MISSING -> problems.add(position, at, cannot + ": no such file", relative);
        case DIRECTORY -> problems.add(position, at, cannot + ": it is not a regular file", "name a file");
        case TOO_LARGE -> problems.add(position, at, cannot + ": it " + e.reason(),
            "a " + what + " is a few kilobytes; is this the right file?");
        default -> problems.add(position, at, cannot + ": it " + e.reason(), e.fix());
      }
      return null;
    }
  }

  private @Nullable byte[] readFile(Reference reference, String at, SourceProblems problems) {
    return readFile(reference.value(), reference.position(), at, "certificate file", problems);
  }

  /**
   * The analysed certificate with the fields the inventory gave; {@code null} after adding a
   * problem for each given field the certificate contradicts.
   */
  private @Nullable Certificate merge(@Nullable Certificate given, Certificate analysed, Reference reference,
      ElementPlace place, SourceProblems problems) {
    if (given == null) {
      return analysed;
    }
    RecordComponent[] components = Certificate.class.getRecordComponents();
    Object[] values = new Object[components.length];
    boolean contradicted = false;
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      Object stated = value(components[i], given);
      Object found = value(components[i], analysed);
      if (stated == null || found == null || same(name, stated, found)) {
        values[i] = stated != null ? stated : found;
      } else {
        contradicted = true;
        TextPosition written = reference.fields().get(name);
        problems.add(written != null ? written : reference.position(), place + ".credentials.certificate." + name,
            name + " " + show(stated) + " contradicts the certificate in '" + reference.describe() + "', which says "
                + show(found), "remove '" + name + "': it is read from the certificate");
      }
    }
    if (contradicted) {
      return null;
    }
    try {
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
      }
      return Certificate.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build a Certificate from its components", e);
    }
  }

  private static @Nullable Object value(RecordComponent component, Certificate certificate) {
    try {
      return component.getAccessor().invoke(certificate);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read Certificate." + component.getName(), e);
    }
  }

  /** Equal as facts: names of algorithms and hexadecimal numbers ignore case, fingerprints also ':' and spaces. */
  private static boolean same(String name, Object stated, Object found) {
    if (stated instanceof String a && found instanceof String b) {
      return switch (name) {
        case "keyAlgorithm", "signatureAlgorithm" -> a.equalsIgnoreCase(b);
        case "serialNumber", "sha256Fingerprint" -> hex(a).equals(hex(b));
        default -> a.equals(b);
      };
    }
    return stated.equals(found);
  }

  private static String hex(String text) {
    // leading zeros are padding: serial 0x0abc is serial abc
    return text.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT).replaceFirst("^0+(?=.)", "");
  }

  private static String show(Object value) {
    return value instanceof String text ? Found.quote(text) : String.valueOf(value);
  }

  /**
   * A certificate given by reference: its field ({@code pem} or {@code file}), value and place, and
   * where the certificate object's other fields were written.
   */
  record Reference(String field, String value, @Nullable TextPosition position, Map<String, TextPosition> fields) {

    Reference {
      fields = Map.copyOf(fields);
    }

    String describe() {
      return field.equals(FILE) ? value : "pem";
    }
  }
}
