package org.opengovdata.catalog.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengovdata.catalog.policy.PolicyApi.ALICE;
import static org.opengovdata.catalog.policy.PolicyApi.draft;
import static org.opengovdata.catalog.policy.PolicyApi.token;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.CatalogIntegrationTest;

/** Validity over time: inForceOn across repeal, amendment and expiry; validity today. */
class PolicyValidityIntegrationTest extends CatalogIntegrationTest {

  private PolicyApi api;

  @BeforeEach
  void emptyPolicies() {
    resetData();
    api = new PolicyApi(this::url);
  }

  private String publish(
      String title, String number, String effective, String expiry, String amends) {
    Map<String, Object> draft = draft(title, number, "正文");
    draft.put("effectiveDate", effective);
    if (expiry != null) {
      draft.put("expiryDate", expiry);
    }
    if (amends != null) {
      draft.put("amends", amends);
    }
    return api.publish(draft);
  }

  private List<String> inForceOn(String day) {
    HttpResponse<String> response = get("/policies?inForceOn=" + day + "&sort=title&size=100");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonPath.read(response.body(), "$.data[*].title");
  }

  private String validity(String id) {
    return JsonPath.read(get("/policies/" + id).body(), "$.validity");
  }

  @Test
  void inForceOnAnswersAcrossRepealAmendmentAndExpiry() {
    String old = publish("A 旧办法", "内政发〔2015〕1号", "2015-01-01", null, null);
    String amending = publish("B 新办法", "内政发〔2019〕2号", "2019-01-01", null, old);
    String repealed = publish("C 被废止的办法", "内政发〔2016〕3号", "2016-01-01", null, null);
    String expired = publish("D 有期限的办法", "内政发〔2015〕4号", "2015-06-01", "2017-01-01", null);

    HttpResponse<String> repeal =
        api.send(
            "POST",
            "/policies/" + repealed + "/repeal",
            Map.of("date", "2019-06-01", "reason", "已被新办法取代", "replacedBy", amending),
            token(ALICE));
    PolicyApi.assertOk(repeal);
    assertThat(JsonPath.<String>read(repeal.body(), "$.replacedBy.title")).isEqualTo("B 新办法");

    assertThat(inForceOn("2014-12-31")).isEmpty();
    assertThat(inForceOn("2016-12-31")).containsExactly("A 旧办法", "C 被废止的办法", "D 有期限的办法");
    assertThat(inForceOn("2017-01-01")).containsExactly("A 旧办法", "C 被废止的办法");
    assertThat(inForceOn("2018-12-31")).containsExactly("A 旧办法", "C 被废止的办法");
    assertThat(inForceOn("2019-01-01")).containsExactly("B 新办法", "C 被废止的办法");
    assertThat(inForceOn("2019-05-31")).containsExactly("B 新办法", "C 被废止的办法");
    assertThat(inForceOn("2019-06-01")).containsExactly("B 新办法");

    assertThat(validity(old)).isEqualTo("AMENDED");
    assertThat(validity(amending)).isEqualTo("VALID");
    assertThat(validity(repealed)).isEqualTo("REPEALED");
    assertThat(validity(expired)).isEqualTo("EXPIRED");
    assertThat(JsonPath.<String>read(get("/policies/" + old).body(), "$.replacedBy.id"))
        .isEqualTo(amending);

    HttpResponse<String> valid = get("/policies?validity=VALID");
    assertThat(JsonPath.<List<String>>read(valid.body(), "$.data[*].id")).containsExactly(amending);
    HttpResponse<String> repealedList = get("/policies?validity=REPEALED&format=csv&fields=title");
    assertThat(repealedList.body()).contains("C 被废止的办法").doesNotContain("B 新办法");
  }

  @Test
  void aRepealIsRecordedAnnouncedAndCannotBeRepeated() {
    String id = publish("E 办法", null, "2020-01-01", null, null);
    Map<String, Object> repeal = Map.of("date", "2021-01-01", "reason", "不再适用");
    PolicyApi.assertOk(api.send("POST", "/policies/" + id + "/repeal", repeal, token(ALICE)));
    assertThat(api.send("POST", "/policies/" + id + "/repeal", repeal, token(ALICE)).statusCode())
        .isEqualTo(409);
    assertThat(
            jdbc.sql("select type from outbox_event where aggregate_id = ? order by id")
                .param(id)
                .query(String.class)
                .list())
        .containsExactly("policy.published", "policy.repealed");
    assertThat(
            JsonPath.<List<String>>read(
                get("/policies/" + id + "/history").body(), "$.data[*].action"))
        .endsWith("publish", "repeal");
  }
}
