package org.opengovdata.k8s.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the pod template of the workload kinds, wherever each kind keeps it. */
final class PodTemplates {

  /** Workloads that run until stopped: they need probes. */
  static final Set<String> LONG_RUNNING = Set.of("Deployment", "StatefulSet", "DaemonSet");

  private PodTemplates() {}

  /** The pod template and its JSON path, or null for kinds without one. */
  static Template of(Manifest manifest) {
    Map<String, Object> spec = Nodes.map(manifest.body(), "spec");
    return switch (manifest.kind()) {
      case "Deployment", "StatefulSet", "DaemonSet", "Job" ->
          new Template(Nodes.map(spec, "template"), "/spec/template");
      case "CronJob" ->
          new Template(
              Nodes.at(spec, "jobTemplate", "spec", "template"), "/spec/jobTemplate/spec/template");
      default -> null;
    };
  }

  /**
   * A pod template.
   *
   * @param path its JSON path in the object
   */
  record Template(Map<String, Object> body, String path) {

    Map<String, Object> pod() {
      return Nodes.map(body, "spec");
    }

    Map<String, Object> labels() {
      return Nodes.at(body, "metadata", "labels");
    }

    /** Containers and init containers, each with its path. */
    List<Container> containers() {
      List<Container> all = new ArrayList<>();
      for (String list : List.of("initContainers", "containers")) {
        List<Map<String, Object>> items = Nodes.maps(pod(), list);
        for (int i = 0; i < items.size(); i++) {
          all.add(
              new Container(
                  items.get(i), path + "/spec/" + list + "/" + i, list.equals("initContainers")));
        }
      }
      return all;
    }
  }

  /** A container of a pod template. */
  record Container(Map<String, Object> body, String path, boolean init) {

    String name() {
      return Nodes.string(body, "name");
    }
  }
}
