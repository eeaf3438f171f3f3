package org.opengovdata.catalog.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengovdata.catalog.policy.PolicyApi.draft;
import static org.opengovdata.catalog.policy.PolicyApi.scoped;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.CatalogIntegrationTest;

/** Publishers act within their key's regions; a region code covers its subregions. */
class PolicyScopeIntegrationTest extends CatalogIntegrationTest {

  private PolicyApi api;

  @BeforeEach
  void emptyPolicies() {
    resetData();
    api = new PolicyApi(this::url);
  }

  private Map<String, Object> ordosDraft() {
    Map<String, Object> draft = draft("鄂尔多斯市康巴什区通知", null, "正文");
    draft.put("issuer", "康巴什区人民政府");
    draft.put("regionCode", "150603");
    return draft;
  }

  @Test
  void aPublisherDraftsOnlyWithinItsRegions() {
    HttpResponse<String> outside =
        api.send("POST", "/policies", ordosDraft(), scoped("key_baotou", "150200"));
    assertThat(outside.statusCode()).isEqualTo(403);
    assertThat(JsonPath.<String>read(outside.body(), "$.detail")).contains("150603");
    assertThat(api.create(ordosDraft(), scoped("key_ordos", "150600"))).isNotBlank();
  }

  @Test
  void theApproverNeedsTheSameScopeAndIsAnotherKey() {
    String id = api.create(ordosDraft(), scoped("key_ordos_a", "150600"));
    PolicyApi.assertOk(api.step(id, "submit", scoped("key_ordos_a", "150600")));
    assertThat(api.step(id, "approve", scoped("key_baotou", "150200")).statusCode()).isEqualTo(403);
    assertThat(api.step(id, "approve", scoped("key_ordos_a", "150600")).statusCode())
        .isEqualTo(403);
    PolicyApi.assertOk(api.step(id, "approve", scoped("key_kangbashi", "150603")));
    PolicyApi.assertOk(api.step(id, "publish", scoped("key_region", "150000")));
  }
}
