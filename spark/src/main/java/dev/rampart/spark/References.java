package dev.rampart.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.spark.FleetJob.Attached;
import dev.rampart.spark.RowFacts.PlacedJson;
import dev.rampart.spi.fact.FactType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.jspecify.annotations.Nullable;
import scala.Tuple2;

/**
 * The shuffled join of the devices with reference tables too large to broadcast: each device row
 * gets the rows of the vendor and the networks it names, joined on their ids, so that no executor
 * holds the whole table.
 */
final class References {

  private static final ObjectMapper JSON = new ObjectMapper();

  private References() {}

  /** A row of a reference table that a device refers to. */
  record Reference(FactType type, PlacedJson row) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Each device row with the rows of the large tables it refers to. */
  static JavaRDD<Attached> attach(JavaRDD<PlacedJson> devices, Map<FactType, JavaRDD<PlacedJson>> large) {
    List<FactType> types = List.copyOf(large.keySet());
    JavaPairRDD<String, String> named = devices.flatMapToPair(device -> {
      List<Tuple2<String, String>> pairs = new ArrayList<>();
      for (String key : referencedKeys(device.json(), types)) {
        pairs.add(new Tuple2<>(key, device.place()));
      }
      return pairs.iterator();
    });
    JavaPairRDD<String, Reference> referenced = null;
    for (Map.Entry<FactType, JavaRDD<PlacedJson>> table : large.entrySet()) {
      FactType type = table.getKey();
      JavaPairRDD<String, Reference> byId = table.getValue().flatMapToPair(row -> {
        String id = idOf(row);
        return id == null ? List.<Tuple2<String, Reference>>of().iterator()
            : List.of(new Tuple2<>(key(type, id), new Reference(type, row))).iterator();
      });
      referenced = referenced == null ? byId : referenced.union(byId);
    }
    if (referenced == null) {
      return devices.map(device -> new Attached(device, List.of()));
    }
    JavaPairRDD<String, Iterable<Reference>> byDevice = named.join(referenced)
        .mapToPair(joined -> new Tuple2<>(joined._2()._1(), joined._2()._2()))
        .groupByKey();
    return devices.mapToPair(device -> new Tuple2<>(device.place(), device))
        .leftOuterJoin(byDevice)
        .map(joined -> {
          List<Reference> references = new ArrayList<>();
          if (joined._2()._2().isPresent()) {
            joined._2()._2().get().forEach(references::add);
          }
          return new Attached(joined._2()._1(), references);
        });
  }

  /** The id a row's JSON holds, or {@code null} when it holds no text id (the adapter then reports the row). */
  static @Nullable String idOf(PlacedJson row) {
    return text(tree(row.json()), "id");
  }

  /** The join keys of what a device row names in the given types: its vendorId and networkIds. */
  private static List<String> referencedKeys(String json, List<FactType> types) {
    JsonNode device = tree(json);
    List<String> keys = new ArrayList<>();
    if (types.contains(FactType.VENDOR)) {
      String vendor = text(device, "vendorId");
      if (vendor != null) {
        keys.add(key(FactType.VENDOR, vendor));
      }
    }
    JsonNode networks = device.get("networkIds");
    if (types.contains(FactType.NETWORK) && networks != null && networks.isArray()) {
      networks.forEach(network -> {
        if (network.isTextual()) {
          keys.add(key(FactType.NETWORK, network.asText()));
        }
      });
    }
    return keys;
  }

  private static String key(FactType type, String id) {
    return type.wireName() + ":" + id;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("RowJson wrote JSON that does not parse: " + e.getMessage(), e);
    }
  }
}
