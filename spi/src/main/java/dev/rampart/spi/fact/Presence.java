package dev.rampart.spi.fact;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Which kinds of source report a device: systems of record, which list the devices the organisation
 * manages, and discovery, which sees the devices that exist (a scan, a cloud registry). Rampart's
 * merge of sources sets it on every device it reads, replacing what a source wrote; facts handed to
 * the engine another way leave it unknown unless their author knows.
 *
 * @param recorded a system of record lists the device; {@code false} when only discovery saw it although
 *     systems of record were read; {@code null} when unknown (none was read, or one could not be)
 * @param recordedBy the systems of record that list the device, each as {@code source:place}, e.g.
 *     {@code inventory:site.yaml:12:5}; {@code null} when unknown
 * @param discoveredBy the discovery sources that saw the device, e.g. {@code nmap:scan.xml:40:3};
 *     {@code null} when unknown
 */
@API(status = STABLE, since = "0.1")
public record Presence(
    @Nullable Boolean recorded,
    @Nullable List<String> recordedBy,
    @Nullable List<String> discoveredBy) {

  public Presence {
    recordedBy = FieldValues.texts(recordedBy);
    discoveredBy = FieldValues.texts(discoveredBy);
    if (Boolean.FALSE.equals(recorded) && recordedBy != null && !recordedBy.isEmpty()) {
      throw new InvalidFactException("recorded", false, "contradicts recordedBy, which names "
          + String.join(", ", recordedBy), "a device some system of record lists is recorded: set recorded to true");
    }
  }
}
