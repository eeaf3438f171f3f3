package org.opengovdata.k8s.validation;

import java.util.List;
import java.util.Map;

/** Null-tolerant navigation in parsed YAML: a missing or mistyped step yields empty. */
final class Nodes {

  private Nodes() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  static Map<String, Object> map(Map<String, Object> node, String key) {
    return node != null && node.get(key) instanceof Map<?, ?> map ? cast(map) : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> node, String key) {
    return node != null && node.get(key) instanceof List<?> list ? (List<Object>) list : List.of();
  }

  static List<Map<String, Object>> maps(Map<String, Object> node, String key) {
    return list(node, key).stream()
        .filter(Map.class::isInstance)
        .map(item -> cast((Map<?, ?>) item))
        .toList();
  }

  static String string(Map<String, Object> node, String key) {
    return node != null && node.get(key) instanceof String s ? s : null;
  }

  /** Follows a path of keys, e.g. {@code at(pod, "securityContext", "seccompProfile")}. */
  static Map<String, Object> at(Map<String, Object> node, String... keys) {
    Map<String, Object> current = node;
    for (String key : keys) {
      current = map(current, key);
    }
    return current;
  }
}
