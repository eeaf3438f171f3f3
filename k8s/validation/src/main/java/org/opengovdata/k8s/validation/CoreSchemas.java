package org.opengovdata.k8s.validation;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.custom.QuantityFormatException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Validates core Kubernetes objects against the official Kubernetes Java client's models, which are
 * generated from the Kubernetes OpenAPI spec: every field must exist (a misspelt {@code
 * readinesProbe} is an error, as with {@code kubectl apply --validate=strict}), have the right JSON
 * type, and every required field must be present. Enum values and cross-field rules are the API
 * server's (see k8s/README.md, "Validation").
 */
final class CoreSchemas {

  private static final String MODELS = "io.kubernetes.client.openapi.models";

  private static final Map<String, Class<?>> KINDS =
      Map.ofEntries(
          Map.entry("v1/ConfigMap", V1ConfigMap.class),
          Map.entry("v1/Namespace", V1Namespace.class),
          Map.entry("v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class),
          Map.entry("v1/Secret", V1Secret.class),
          Map.entry("v1/Service", V1Service.class),
          Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
          Map.entry("apps/v1/DaemonSet", V1DaemonSet.class),
          Map.entry("apps/v1/Deployment", V1Deployment.class),
          Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
          Map.entry("batch/v1/CronJob", V1CronJob.class),
          Map.entry("batch/v1/Job", V1Job.class),
          Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
          Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
          Map.entry("rbac.authorization.k8s.io/v1/Role", V1Role.class),
          Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", V1RoleBinding.class));

  private final Map<Class<?>, Map<String, Field>> fieldsByClass = new ConcurrentHashMap<>();

  /** Whether {@code apiVersion/kind} is a core kind this validator knows. */
  boolean knows(String apiVersion, String kind) {
    return KINDS.containsKey(apiVersion + "/" + kind);
  }

  /** Validates a whole object of a known kind. */
  void validate(Manifest manifest, Consumer<Violation> violations) {
    Class<?> model = KINDS.get(manifest.apiVersion() + "/" + manifest.kind());
    check(manifest.body(), model, "", message -> violations.accept(schema(manifest, message)));
  }

  /** Validates a part of an object against a model class, e.g. ECK's pod template. */
  void validate(
      Manifest manifest, Object node, String modelName, String path, Consumer<Violation> out) {
    check(node, modelClass(modelName), path, message -> out.accept(schema(manifest, message)));
  }

  private static Violation schema(Manifest manifest, Problem problem) {
    return new Violation(manifest, "schema", problem.path(), problem.message());
  }

  private record Problem(String path, String message) {}

  private void check(Object node, Type type, String path, Consumer<Problem> out) {
    if (node == null) {
      return; // JSON null: the field is unset
    }
    if (type instanceof ParameterizedType generic) {
      Type raw = generic.getRawType();
      Type[] arguments = generic.getActualTypeArguments();
      if (raw == List.class || raw == Set.class) {
        if (node instanceof List<?> items) {
          for (int i = 0; i < items.size(); i++) {
            check(items.get(i), arguments[0], path + "/" + i, out);
          }
        } else {
          out.accept(error(path, "must be an array, not " + describe(node)));
        }
      } else if (raw == Map.class) {
        if (node instanceof Map<?, ?> entries) {
          entries.forEach((key, value) -> check(value, arguments[1], path + "/" + key, out));
        } else {
          out.accept(error(path, "must be an object, not " + describe(node)));
        }
      }
      return;
    }
    Class<?> expected = (Class<?>) type;
    if (expected.getPackageName().equals(MODELS)) {
      checkObject(node, expected, path, out);
    } else if (!scalarFits(node, expected)) {
      out.accept(error(path, "must be " + scalarName(expected) + ", not " + describe(node)));
    }
  }

  private void checkObject(Object node, Class<?> model, String path, Consumer<Problem> out) {
    if (!(node instanceof Map<?, ?> object)) {
      out.accept(
          error(path, "must be an object (" + model.getSimpleName() + "), not " + describe(node)));
      return;
    }
    Map<String, Field> fields = fieldsOf(model);
    for (String required : requiredFields(model)) {
      if (object.get(required) == null) {
        out.accept(error(path, "required field `" + required + "` is missing"));
      }
    }
    object.forEach(
        (key, value) -> {
          Field field = fields.get(String.valueOf(key));
          if (field == null) {
            out.accept(
                error(path + "/" + key, "unknown field `" + key + "` in " + model.getSimpleName()));
          } else {
            check(value, field.getGenericType(), path + "/" + key, out);
          }
        });
  }

  private static boolean scalarFits(Object node, Class<?> expected) {
    if (expected == Object.class) {
      return true;
    }
    if (expected == String.class) {
      return node instanceof String;
    }
    if (expected == Boolean.class) {
      return node instanceof Boolean;
    }
    if (expected == Integer.class || expected == Long.class || expected == BigInteger.class) {
      return node instanceof Integer || node instanceof Long || node instanceof BigInteger;
    }
    if (expected == Double.class || expected == Float.class || expected == BigDecimal.class) {
      return node instanceof Number;
    }
    if (expected == IntOrString.class) {
      return node instanceof String || node instanceof Integer;
    }
    if (expected == Quantity.class) {
      return (node instanceof String || node instanceof Number) && isQuantity(node.toString());
    }
    if (expected == OffsetDateTime.class) {
      return node instanceof Date || node instanceof String s && isDateTime(s);
    }
    if (expected == byte[].class) {
      return node instanceof String s && isBase64(s);
    }
    if (expected.isEnum()) {
      return node instanceof String s && enumValue(expected, s);
    }
    throw new IllegalStateException("no rule for field type " + expected.getName());
  }

  private static String scalarName(Class<?> expected) {
    if (expected == IntOrString.class) {
      return "an integer or a string";
    }
    if (expected == Quantity.class) {
      return "a quantity such as 500m or 1Gi";
    }
    if (expected == byte[].class) {
      return "base64 data";
    }
    String name = expected.getSimpleName().toLowerCase();
    return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }

  private static boolean isQuantity(String value) {
    try {
      Quantity.fromString(value);
      return true;
    } catch (QuantityFormatException | NumberFormatException e) {
      return false;
    }
  }

  private static boolean isDateTime(String value) {
    try {
      OffsetDateTime.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isBase64(String value) {
    try {
      Base64.getMimeDecoder().decode(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean enumValue(Class<?> type, String value) {
    for (Field constant : type.getFields()) {
      SerializedName name = constant.getAnnotation(SerializedName.class);
      if (constant.isEnumConstant()
          && (name != null ? name.value() : constant.getName()).equals(value)) {
        return true;
      }
    }
    return false;
  }

  private Map<String, Field> fieldsOf(Class<?> model) {
    return fieldsByClass.computeIfAbsent(
        model,
        type -> {
          Map<String, Field> fields = new HashMap<>();
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
              SerializedName name = field.getAnnotation(SerializedName.class);
              if (name != null && !Modifier.isStatic(field.getModifiers())) {
                fields.putIfAbsent(name.value(), field);
              }
            }
          }
          return fields;
        });
  }

  @SuppressWarnings("unchecked")
  private static Set<String> requiredFields(Class<?> model) {
    try {
      return (Set<String>) model.getField("openapiRequiredFields").get(null);
    } catch (ReflectiveOperationException e) {
      return Set.of();
    }
  }

  private static Class<?> modelClass(String simpleName) {
    try {
      return Class.forName(MODELS + "." + simpleName);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no Kubernetes model " + simpleName, e);
    }
  }

  private static Problem error(String path, String message) {
    return new Problem(path.isEmpty() ? "/" : path, message);
  }

  private static String describe(Object node) {
    if (node instanceof Map) {
      return "an object";
    }
    if (node instanceof List) {
      return "an array";
    }
    return node.getClass().getSimpleName().toLowerCase() + " `" + node + "`";
  }
}
