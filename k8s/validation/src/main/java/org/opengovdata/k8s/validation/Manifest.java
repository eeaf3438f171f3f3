package org.opengovdata.k8s.validation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One object of a rendered overlay, as the API server would read it (YAML 1.1 scalars, like
 * sigs.k8s.io/yaml).
 *
 * @param source the file it came from, for messages
 */
record Manifest(String source, Map<String, Object> body) {

  String apiVersion() {
    return Nodes.string(body, "apiVersion");
  }

  String kind() {
    return Nodes.string(body, "kind");
  }

  String name() {
    return Nodes.string(Nodes.map(body, "metadata"), "name");
  }

  Map<String, Object> labels() {
    return Nodes.map(Nodes.map(body, "metadata"), "labels");
  }

  /** {@code Kind/name}, how kubectl names an object. */
  String id() {
    return kind() + "/" + name();
  }

  static List<Manifest> readAll(Path file) throws IOException {
    List<Manifest> manifests = new ArrayList<>();
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (Object document : yaml.loadAll(reader)) {
        if (document instanceof Map<?, ?> map) {
          manifests.add(new Manifest(file.toString(), Nodes.cast(map)));
        } else if (document != null) {
          throw new IOException(file + ": a document that is not a mapping: " + document);
        }
      }
    }
    return manifests;
  }
}
