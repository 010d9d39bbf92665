package dev.rampart.adapter.netbox;

import dev.rampart.adaptersupport.http.Item;
import java.util.List;

/**
 * Everything read from one NetBox server, in NetBox's order.
 *
 * @param devices {@code /api/dcim/devices/}
 * @param interfaces {@code /api/dcim/interfaces/}
 * @param addresses {@code /api/ipam/ip-addresses/} assigned to device interfaces
 * @param vlans {@code /api/ipam/vlans/}
 * @param prefixes {@code /api/ipam/prefixes/}
 */
record NetBoxObjects(List<Item> devices, List<Item> interfaces, List<Item> addresses, List<Item> vlans, List<Item> prefixes) {

  NetBoxObjects {
    devices = List.copyOf(devices);
    interfaces = List.copyOf(interfaces);
    addresses = List.copyOf(addresses);
    vlans = List.copyOf(vlans);
    prefixes = List.copyOf(prefixes);
  }
}
