package org.opengovdata.k8s.validation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Kubernetes label-selector matching (matchLabels and matchExpressions). */
final class LabelSelectors {

  private LabelSelectors() {}

  static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
    for (Map.Entry<String, Object> required : Nodes.map(selector, "matchLabels").entrySet()) {
      if (!Objects.equals(labels.get(required.getKey()), required.getValue())) {
        return false;
      }
    }
    for (Map<String, Object> expression : Nodes.maps(selector, "matchExpressions")) {
      Object value = labels.get(Nodes.string(expression, "key"));
      List<Object> values = Nodes.list(expression, "values");
      boolean holds =
          switch (String.valueOf(expression.get("operator"))) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
          };
      if (!holds) {
        return false;
      }
    }
    return true;
  }
}
