package org.opengovdata.k8s.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Validates rendered overlays (the output of {@code kubectl kustomize}) offline: schemas first,
 * then the policies. Exits 1 when anything is wrong, printing every violation.
 *
 * <pre>
 * ValidateManifests --crds DIR --readme README.md [--min-replicas N] RENDERED.yaml...
 * </pre>
 */
public final class ValidateManifests {

  private final CoreSchemas core = new CoreSchemas();
  private final CustomResourceSchemas custom;
  private final List<Policy> policies;
  private final ConfigurationPolicy configuration;

  ValidateManifests(Path crds, Path readme, int minReplicas) throws IOException {
    this.custom = new CustomResourceSchemas(crds);
    this.configuration = new ConfigurationPolicy(ReadmeVariables.read(readme));
    this.policies =
        List.of(
            new ContainerPolicy(),
            configuration,
            new AvailabilityPolicy(minReplicas),
            new NetworkPolicyCheck());
  }

  public static void main(String[] args) throws IOException {
    Path crds = null;
    Path readme = null;
    int minReplicas = 1;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--crds" -> crds = Path.of(args[++i]);
        case "--readme" -> readme = Path.of(args[++i]);
        case "--min-replicas" -> minReplicas = Integer.parseInt(args[++i]);
        default -> files.add(Path.of(args[i]));
      }
    }
    if (crds == null || readme == null || files.isEmpty()) {
      System.err.println(
          "usage: ValidateManifests --crds DIR --readme README.md [--min-replicas N] RENDERED.yaml...");
      System.exit(2);
    }
    ValidateManifests validator = new ValidateManifests(crds, readme, minReplicas);
    boolean ok = true;
    for (Path file : files) {
      ok &= validator.report(file);
    }
    System.exit(ok ? 0 : 1);
  }

  /** Validates one rendered overlay and prints what it found; true when it is clean. */
  boolean report(Path file) throws IOException {
    List<Manifest> overlay;
    try {
      overlay = Manifest.readAll(file);
    } catch (YAMLException e) {
      System.out.printf("ERROR %s: not valid YAML: %s%nFAILED %s%n", file, e.getMessage(), file);
      return false;
    }
    List<Violation> violations = validate(overlay);
    Map<String, Integer> kinds = new TreeMap<>();
    overlay.forEach(m -> kinds.merge(m.kind(), 1, Integer::sum));
    if (violations.isEmpty()) {
      System.out.printf("OK %s: %d objects %s%n", file, overlay.size(), kinds);
      configuration
          .externalSecrets()
          .forEach(
              (name, keys) -> System.out.printf("   expects Secret %s with keys %s%n", name, keys));
    } else {
      violations.forEach(v -> System.out.println("ERROR " + v));
      System.out.printf(
          "FAILED %s: %d violations in %d objects%n", file, violations.size(), overlay.size());
    }
    return violations.isEmpty();
  }

  List<Violation> validate(List<Manifest> overlay) {
    configuration.externalSecrets().clear();
    List<Violation> violations = new ArrayList<>();
    for (Manifest manifest : overlay) {
      validateSchema(manifest, violations::add);
    }
    for (Policy policy : policies) {
      policy.check(overlay, violations::add);
    }
    return violations;
  }

  private void validateSchema(Manifest manifest, Consumer<Violation> violations) {
    String apiVersion = manifest.apiVersion();
    String kind = manifest.kind();
    if (core.knows(apiVersion, kind)) {
      core.validate(manifest, violations);
    } else if (custom.knows(apiVersion, kind)) {
      custom.validate(manifest, violations);
      core.validate(
          manifest, manifest.body().get("metadata"), "V1ObjectMeta", "/metadata", violations);
      embeddedPodTemplates(manifest, violations);
    } else {
      violations.accept(
          new Violation(
              manifest,
              "schema",
              "/",
              "no schema for "
                  + apiVersion
                  + " "
                  + kind
                  + ": add its CRD to k8s/validation/crds/"));
    }
  }

  /**
   * ECK's node sets carry a pod template that its CRD leaves open; it is a core PodTemplateSpec.
   */
  private void embeddedPodTemplates(Manifest manifest, Consumer<Violation> violations) {
    if (!"Elasticsearch".equals(manifest.kind())) {
      return;
    }
    List<Map<String, Object>> nodeSets = Nodes.maps(Nodes.map(manifest.body(), "spec"), "nodeSets");
    for (int i = 0; i < nodeSets.size(); i++) {
      Object template = nodeSets.get(i).get("podTemplate");
      String path = "/spec/nodeSets/" + i + "/podTemplate";
      core.validate(manifest, template, "V1PodTemplateSpec", path, violations);
    }
  }
}
