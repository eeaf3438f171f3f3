package org.opengovdata.k8s.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every container: requests and limits for CPU and memory, a pinned image, and a restricted
 * security context (non-root, read-only root file system, no privilege escalation, all capabilities
 * dropped, a seccomp profile). Containers of long-running workloads also need startup, liveness and
 * readiness probes, and a Deployment's containers a preStop hook.
 */
final class ContainerPolicy implements Policy {

  private static final String RULE = "container";
  private static final List<String> PROBES =
      List.of("startupProbe", "livenessProbe", "readinessProbe");
  private static final Set<String> SECCOMP = Set.of("RuntimeDefault", "Localhost");

  @Override
  public void check(List<Manifest> overlay, Consumer<Violation> violations) {
    for (Manifest manifest : overlay) {
      PodTemplates.Template template = PodTemplates.of(manifest);
      if (template == null) {
        continue;
      }
      for (PodTemplates.Container container : template.containers()) {
        Checker checker = new Checker(manifest, container, violations);
        checker.resources();
        checker.image();
        checker.securityContext(template.pod());
        if (!container.init() && PodTemplates.LONG_RUNNING.contains(manifest.kind())) {
          checker.probes();
        }
        if (!container.init() && manifest.kind().equals("Deployment")) {
          checker.preStop();
        }
      }
    }
  }

  private record Checker(
      Manifest manifest, PodTemplates.Container container, Consumer<Violation> out) {

    void probes() {
      for (String probe : PROBES) {
        if (Nodes.map(container.body(), probe).isEmpty()) {
          fail("/" + probe, "container `" + container.name() + "` has no " + probe);
        }
      }
    }

    void preStop() {
      if (Nodes.at(container.body(), "lifecycle", "preStop").isEmpty()) {
        fail("/lifecycle/preStop", "container `" + container.name() + "` has no preStop hook");
      }
    }

    void resources() {
      Map<String, Object> resources = Nodes.map(container.body(), "resources");
      for (String bound : List.of("requests", "limits")) {
        for (String resource : List.of("cpu", "memory")) {
          if (Nodes.map(resources, bound).get(resource) == null) {
            fail(
                "/resources/" + bound + "/" + resource,
                "container `" + container.name() + "` has no " + resource + " " + bound);
          }
        }
      }
    }

    void image() {
      String image = Nodes.string(container.body(), "image");
      String tag = image == null ? null : image.substring(image.lastIndexOf('/') + 1);
      if (tag == null || !(tag.contains(":") || tag.contains("@")) || tag.endsWith(":latest")) {
        fail("/image", "image `" + image + "` must name a tag or digest other than latest");
      }
    }

    void securityContext(Map<String, Object> pod) {
      Map<String, Object> own = Nodes.map(container.body(), "securityContext");
      Map<String, Object> podLevel = Nodes.map(pod, "securityContext");
      if (!Boolean.TRUE.equals(own.getOrDefault("runAsNonRoot", podLevel.get("runAsNonRoot")))) {
        fail("/securityContext/runAsNonRoot", "must run as non-root (runAsNonRoot: true)");
      }
      if (!Boolean.TRUE.equals(own.get("readOnlyRootFilesystem"))) {
        fail("/securityContext/readOnlyRootFilesystem", "root file system must be read-only");
      }
      if (!Boolean.FALSE.equals(own.get("allowPrivilegeEscalation"))) {
        fail(
            "/securityContext/allowPrivilegeEscalation",
            "must set allowPrivilegeEscalation: false");
      }
      if (!Nodes.list(Nodes.map(own, "capabilities"), "drop").contains("ALL")) {
        fail("/securityContext/capabilities/drop", "must drop ALL capabilities");
      }
      Map<String, Object> seccomp = Nodes.map(own, "seccompProfile");
      if (seccomp.isEmpty()) {
        seccomp = Nodes.map(podLevel, "seccompProfile");
      }
      if (!SECCOMP.contains(Nodes.string(seccomp, "type"))) {
        fail(
            "/securityContext/seccompProfile", "needs seccomp profile RuntimeDefault or Localhost");
      }
    }

    private void fail(String path, String message) {
      out.accept(new Violation(manifest, RULE, container.path() + path, message));
    }
  }
}
