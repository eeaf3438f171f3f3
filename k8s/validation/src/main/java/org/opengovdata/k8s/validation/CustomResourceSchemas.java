package org.opengovdata.k8s.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates custom resources (CloudNativePG {@code Cluster}, ECK {@code Elasticsearch}) against the
 * {@code openAPIV3Schema} of their CustomResourceDefinitions, read from {@code
 * k8s/validation/crds/}. Like the API server with strict field validation, a field the schema does
 * not declare is an error unless the schema preserves unknown fields. CEL rules ({@code
 * x-kubernetes-validations}) are the API server's.
 */
final class CustomResourceSchemas {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, Schema> schemas = new HashMap<>();

  CustomResourceSchemas(Path crdDirectory) throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
    List<Path> files;
    try (Stream<Path> listing = Files.list(crdDirectory)) {
      files = listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path file : files) {
      for (Manifest crd : Manifest.readAll(file)) {
        if ("CustomResourceDefinition".equals(crd.kind())) {
          register(registry, crd);
        }
      }
    }
  }

  private void register(SchemaRegistry registry, Manifest crd) {
    Map<String, Object> spec = Nodes.map(crd.body(), "spec");
    String group = Nodes.string(spec, "group");
    String kind = Nodes.string(Nodes.map(spec, "names"), "kind");
    for (Map<String, Object> version : Nodes.maps(spec, "versions")) {
      if (!Boolean.TRUE.equals(version.get("served"))) {
        continue;
      }
      JsonNode schema = JSON.valueToTree(Nodes.at(version, "schema", "openAPIV3Schema"));
      ObjectNode root = (ObjectNode) strict(schema);
      // metadata is an ObjectMeta; CoreSchemas checks it with the core model
      ((ObjectNode) root.get("properties")).set("metadata", JSON.createObjectNode());
      schemas.put(group + "/" + version.get("name") + "/" + kind, registry.getSchema(root));
    }
  }

  /**
   * Closes every object schema that lists its properties, as the API server's strict field
   * validation does, unless it says {@code x-kubernetes-preserve-unknown-fields}.
   */
  private static JsonNode strict(JsonNode schema) {
    if (!(schema instanceof ObjectNode object)) {
      return schema;
    }
    object.path("properties").forEach(CustomResourceSchemas::strict);
    object.path("patternProperties").forEach(CustomResourceSchemas::strict);
    for (String nested : List.of("items", "additionalProperties", "not")) {
      strict(object.get(nested));
    }
    for (String alternatives : List.of("allOf", "anyOf", "oneOf")) {
      object.path(alternatives).forEach(CustomResourceSchemas::strict);
    }
    boolean preserves = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    if (object.has("properties") && !object.has("additionalProperties") && !preserves) {
      object.put("additionalProperties", false);
    }
    return schema;
  }

  boolean knows(String apiVersion, String kind) {
    return schemas.containsKey(apiVersion + "/" + kind);
  }

  void validate(Manifest manifest, Consumer<Violation> violations) {
    Schema schema = schemas.get(manifest.apiVersion() + "/" + manifest.kind());
    for (Error error : schema.validate(JSON.valueToTree(manifest.body()))) {
      String path = error.getInstanceLocation().toString();
      violations.accept(new Violation(manifest, "schema", path, error.getMessage()));
    }
  }
}
