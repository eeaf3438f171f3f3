package org.opengovdata.k8s.validation;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every Deployment's pods sit behind a default-deny NetworkPolicy (ingress and egress, no rules of
 * its own) and at least one policy that allows their ingress: nothing reaches or leaves a service
 * pod unless a policy says so.
 */
final class NetworkPolicyCheck implements Policy {

  private static final String RULE = "network";

  @Override
  public void check(List<Manifest> overlay, Consumer<Violation> violations) {
    List<Manifest> policies =
        overlay.stream().filter(m -> "NetworkPolicy".equals(m.kind())).toList();
    for (Manifest deployment : overlay) {
      if (!"Deployment".equals(deployment.kind())) {
        continue;
      }
      Map<String, Object> labels = PodTemplates.of(deployment).labels();
      List<Map<String, Object>> selecting =
          policies.stream()
              .map(p -> Nodes.map(p.body(), "spec"))
              .filter(spec -> LabelSelectors.matches(Nodes.map(spec, "podSelector"), labels))
              .toList();
      boolean denied =
          selecting.stream()
              .anyMatch(
                  spec ->
                      Nodes.list(spec, "policyTypes").containsAll(List.of("Ingress", "Egress"))
                          && Nodes.list(spec, "ingress").isEmpty()
                          && Nodes.list(spec, "egress").isEmpty());
      boolean reachable =
          selecting.stream().anyMatch(spec -> !Nodes.list(spec, "ingress").isEmpty());
      if (!denied) {
        violations.accept(
            new Violation(deployment, RULE, "/", "no default-deny NetworkPolicy selects its pods"));
      }
      if (!reachable) {
        violations.accept(
            new Violation(deployment, RULE, "/", "no NetworkPolicy allows traffic to its pods"));
      }
    }
  }
}
