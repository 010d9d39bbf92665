package dev.rampart.adapter.inventory;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Names one element of an inventory file in messages, e.g. {@code devices[2] (id 'cam-02')}.
 *
 * @param section the top-level key, e.g. {@code devices}
 * @param index the position in the list, or -1 for the single {@code deployment} object
 * @param id the element's id when it is known
 */
record ElementPlace(String section, int index, @Nullable String id) {

  /** The element without its id, e.g. {@code devices[4]}. */
  String withoutId() {
    return index < 0 ? section : section + "[" + index + "]";
  }

  /** The element followed by a path inside it, e.g. {@code devices[0] (id 'cam-01').services[1].port}. */
  String append(List<Reference> path) {
    StringBuilder text = new StringBuilder(toString());
    for (Reference step : path) {
      if (step.getFieldName() != null) {
        text.append('.').append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        text.append('[').append(step.getIndex()).append(']');
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return id == null || id.isBlank() ? withoutId() : withoutId() + " (id '" + id + "')";
  }
}
