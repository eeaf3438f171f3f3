package org.opengovdata.k8s.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomResourceSchemasTest {

  private static final ValidateManifests validator = Overlays.validator(1);

  private List<String> violations(String from, String to) {
    return validator
        .validate(Overlays.read("cluster.yaml", text -> text.replace(from, to)))
        .stream()
        .map(v -> v.manifest().id() + " " + v.path() + " " + v.message())
        .toList();
  }

  @Test
  void clusterAndElasticsearchFromTheCrdsAreValidAndOpenConfigAcceptsAnySetting() {
    assertThat(violations("", "")).isEmpty();
  }

  @Test
  void unknownClusterFieldIsRejected() {
    assertThat(violations("  instances: 3", "  instances: 3\n  instance: 3"))
        .anyMatch(v -> v.startsWith("Cluster/opendata-pg /spec ") && v.contains("'instance'"));
  }

  @Test
  void valuesOutsideTheSchemaAreRejected() {
    assertThat(violations("method: any", "method: fastest"))
        .anyMatch(v -> v.startsWith("Cluster/opendata-pg /spec/postgresql/synchronous/method "));
    assertThat(violations("instances: 3", "instances: three"))
        .anyMatch(v -> v.startsWith("Cluster/opendata-pg /spec/instances "));
  }

  @Test
  void metadataAndEckPodTemplatesAreCheckedAgainstTheCoreModels() {
    assertThat(violations("  name: opendata-pg", "  name: opendata-pg\n  label: {a: b}"))
        .contains("Cluster/opendata-pg /metadata/label unknown field `label` in V1ObjectMeta");
    assertThat(violations("limits: {memory: 4Gi}", "limit: {memory: 4Gi}"))
        .contains(
            "Elasticsearch/opendata-es /spec/nodeSets/0/podTemplate/spec/containers/0/resources/limit"
                + " unknown field `limit` in V1ResourceRequirements");
  }
}
