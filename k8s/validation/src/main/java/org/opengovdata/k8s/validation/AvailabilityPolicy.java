package org.opengovdata.k8s.validation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Every Deployment has a PodDisruptionBudget that selects its pods and at least the minimum number
 * of replicas; an autoscaler targets a Deployment that exists, and the Deployment's replica count
 * equals the autoscaler's minimum (so that re-applying the overlay never scales a busy Deployment
 * down below what the autoscaler would keep).
 */
final class AvailabilityPolicy implements Policy {

  private static final String RULE = "availability";
  private final int minReplicas;

  AvailabilityPolicy(int minReplicas) {
    this.minReplicas = minReplicas;
  }

  @Override
  public void check(List<Manifest> overlay, Consumer<Violation> violations) {
    List<Manifest> budgets =
        overlay.stream().filter(m -> "PodDisruptionBudget".equals(m.kind())).toList();
    List<Manifest> autoscalers =
        overlay.stream().filter(m -> "HorizontalPodAutoscaler".equals(m.kind())).toList();
    for (Manifest deployment : overlay) {
      if (!"Deployment".equals(deployment.kind())) {
        continue;
      }
      Map<String, Object> podLabels = PodTemplates.of(deployment).labels();
      boolean covered =
          budgets.stream()
              .anyMatch(
                  pdb ->
                      LabelSelectors.matches(Nodes.at(pdb.body(), "spec", "selector"), podLabels));
      if (!covered) {
        violations.accept(
            new Violation(deployment, RULE, "/", "no PodDisruptionBudget selects its pods"));
      }
      Object replicas = Nodes.map(deployment.body(), "spec").getOrDefault("replicas", 1);
      if (replicas instanceof Integer count && count < minReplicas) {
        violations.accept(
            new Violation(
                deployment,
                RULE,
                "/spec/replicas",
                count + " replicas, fewer than " + minReplicas));
      }
    }
    for (Manifest hpa : autoscalers) {
      Map<String, Object> target = Nodes.at(hpa.body(), "spec", "scaleTargetRef");
      Manifest deployment =
          overlay.stream()
              .filter(m -> Objects.equals(m.kind(), target.get("kind")))
              .filter(m -> Objects.equals(m.name(), target.get("name")))
              .findFirst()
              .orElse(null);
      Object min = Nodes.map(hpa.body(), "spec").getOrDefault("minReplicas", 1);
      if (deployment == null) {
        violations.accept(
            new Violation(hpa, RULE, "/spec/scaleTargetRef", "targets nothing in the overlay"));
      } else if (!Objects.equals(
          Nodes.map(deployment.body(), "spec").getOrDefault("replicas", 1), min)) {
        violations.accept(
            new Violation(
                hpa, RULE, "/spec/minReplicas", "differs from " + deployment.id() + "'s replicas"));
      }
      if (min instanceof Integer count && count < minReplicas) {
        violations.accept(
            new Violation(
                hpa, RULE, "/spec/minReplicas", count + " replicas, fewer than " + minReplicas));
      }
    }
  }
}
