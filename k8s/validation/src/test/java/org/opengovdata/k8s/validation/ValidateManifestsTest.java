package org.opengovdata.k8s.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidateManifestsTest {

  private static final ValidateManifests validator = Overlays.validator(2);

  private List<String> violations(String resource, String from, String to) {
    List<Manifest> overlay = Overlays.read(resource, text -> text.replace(from, to));
    return validator.validate(overlay).stream()
        .map(v -> v.manifest().id() + " " + v.path() + " [" + v.rule() + "] " + v.message())
        .toList();
  }

  @Test
  void aCompleteServiceIsValid() {
    assertThat(violations("service.yaml", "", "")).isEmpty();
  }

  @Test
  void misspeltCoreFieldIsRejectedAsStrictValidationWould() {
    assertThat(violations("service.yaml", "readinessProbe:", "readinesProbe:"))
        .contains(
            "Deployment/catalog-service /spec/template/spec/containers/0/readinesProbe [schema]"
                + " unknown field `readinesProbe` in V1Container");
  }

  @Test
  void wrongJsonTypesAndBadQuantitiesAreRejected() {
    assertThat(violations("service.yaml", "replicas: 2", "replicas: \"2\""))
        .contains(
            "Deployment/catalog-service /spec/replicas [schema] must be an integer, not string `2`");
    assertThat(violations("service.yaml", "memory: 512Mi}", "memory: 512MB}"))
        .anyMatch(v -> v.contains("/resources/") && v.contains("must be a quantity"));
  }

  @Test
  void missingRequiredFieldIsRejected() {
    assertThat(violations("service.yaml", "- name: catalog-service\n          image:", "- image:"))
        .anyMatch(v -> v.contains("[schema] required field `name` is missing"));
  }

  @Test
  void containerWithoutProbeIsRejected() {
    assertThat(violations("service.yaml", "          startupProbe:", "          startup:"))
        .contains(
            "Deployment/catalog-service /spec/template/spec/containers/0/startupProbe [container]"
                + " container `catalog-service` has no startupProbe");
  }

  @Test
  void containerThatMayRunAsRootOrWriteItsImageIsRejected() {
    List<String> found =
        violations("service.yaml", "        runAsNonRoot: true\n", "").stream()
            .filter(v -> v.contains("[container]"))
            .toList();
    assertThat(found).anyMatch(v -> v.endsWith("must run as non-root (runAsNonRoot: true)"));
    assertThat(
            violations(
                "service.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false"))
        .anyMatch(v -> v.endsWith("root file system must be read-only"));
  }

  @Test
  void missingLimitsAndLatestImagesAreRejected() {
    assertThat(violations("service.yaml", "limits: {cpu: \"2\", memory: 512Mi}", "limits: {}"))
        .anyMatch(v -> v.endsWith("has no memory limits"))
        .anyMatch(v -> v.endsWith("has no cpu limits"));
    assertThat(violations("service.yaml", "catalog-service:1.0.0", "catalog-service:latest"))
        .anyMatch(v -> v.contains("must name a tag or digest other than latest"));
  }

  @Test
  void secretsInConfigMapsOrLiteralsAreRejected() {
    assertThat(
            violations(
                "service.yaml",
                "  DB_URL: jdbc:postgresql://postgres:5432/opendata_catalog",
                "  DB_URL: jdbc:postgresql://postgres:5432/opendata_catalog\n"
                    + "  JWT_SECRET: s3cr3t\n  CACHE: redis://user:pw@redis:6379"))
        .anyMatch(v -> v.endsWith("`JWT_SECRET` looks secret: put it in a Secret"))
        .anyMatch(v -> v.endsWith("the value holds a URL with a password: put it in a Secret"));
    assertThat(
            violations(
                "service.yaml",
                "valueFrom:\n                secretKeyRef: {name: opendata-secrets, key: JWT_SECRET}",
                "value: s3cr3t"))
        .anyMatch(v -> v.endsWith("`JWT_SECRET` must come from a Secret (secretKeyRef)"));
  }

  @Test
  void serviceVariablesMustBeDocumentedAndTheirConfigMapKeysMustExist() {
    assertThat(violations("service.yaml", "- name: DB_URL", "- name: DATABASE_URL"))
        .anyMatch(
            v -> v.endsWith("`DATABASE_URL` is not documented in README.md's configuration table"));
    assertThat(
            violations(
                "service.yaml",
                "{name: catalog-config, key: DB_URL}",
                "{name: catalog-config, key: DB}"))
        .anyMatch(v -> v.endsWith("ConfigMap `catalog-config` has no key `DB`"));
  }

  @Test
  void deploymentWithoutDisruptionBudgetOrWithTooFewReplicasIsRejected() {
    assertThat(
            violations("service.yaml", "kind: PodDisruptionBudget", "kind: PodDisruptionBudgetX"))
        .contains(
            "Deployment/catalog-service / [availability] no PodDisruptionBudget selects its pods");
    assertThat(violations("service.yaml", "replicas: 2", "replicas: 1"))
        .contains(
            "Deployment/catalog-service /spec/replicas [availability] 1 replicas, fewer than 2");
  }

  @Test
  void deploymentOutsideADefaultDenyPolicyIsRejected() {
    assertThat(
            violations("service.yaml", "policyTypes: [Ingress, Egress]", "policyTypes: [Ingress]"))
        .contains(
            "Deployment/catalog-service / [network] no default-deny NetworkPolicy selects its pods");
  }

  @Test
  void unknownKindsAreRejectedRatherThanSkipped() {
    assertThat(violations("service.yaml", "kind: ConfigMap", "kind: ConfigMapp"))
        .anyMatch(v -> v.contains("no schema for v1 ConfigMapp"));
  }
}
