package org.opengovdata.catalog.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opengovdata.catalog.policy.PolicyApi.ALICE;
import static org.opengovdata.catalog.policy.PolicyApi.BOB;
import static org.opengovdata.catalog.policy.PolicyApi.draft;
import static org.opengovdata.catalog.policy.PolicyApi.token;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.CatalogIntegrationTest;
import org.opengovdata.common.events.PlatformEvent;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** The publishing workflow through the API, with its events on the real stream. */
class PolicyWorkflowIntegrationTest extends CatalogIntegrationTest {

  @Autowired JedisPooled redis;
  private PolicyApi api;

  @BeforeEach
  void emptyPolicies() {
    resetData();
    api = new PolicyApi(this::url);
  }

  private List<PlatformEvent> eventsOf(String id) {
    return redis.xrange(PlatformEvent.STREAM, (StreamEntryID) null, (StreamEntryID) null).stream()
        .map(StreamEntry::getFields)
        .map(PlatformEvent::fromFields)
        .filter(e -> e.id().equals(id))
        .toList();
  }

  @Test
  void publishedThroughTheApiItIsPublicAndAnnouncedExactlyOnce() {
    String id =
        api.create(draft("关于进一步优化营商环境的意见", "内政发[2024]12号", "为进一步优化营商环境，现提出如下意见。"), token(ALICE));
    assertThat(get("/policies/" + id).statusCode()).as("drafts are not public").isEqualTo(404);
    PolicyApi.assertOk(api.step(id, "submit", token(ALICE)));

    HttpResponse<String> selfApproval = api.step(id, "approve", token(ALICE));
    assertThat(selfApproval.statusCode()).isEqualTo(403);
    assertThat(JsonPath.<String>read(selfApproval.body(), "$.detail"))
        .contains("another publisher");

    PolicyApi.assertOk(api.step(id, "approve", token(BOB)));
    assertThat(get("/policies/" + id).statusCode()).isEqualTo(404);
    HttpResponse<String> published = api.step(id, "publish", token(BOB));
    PolicyApi.assertOk(published);

    HttpResponse<String> anonymous = get("/policies/" + id);
    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<String>read(anonymous.body(), "$.status")).isEqualTo("PUBLISHED");
    assertThat(JsonPath.<String>read(anonymous.body(), "$.validity")).isEqualTo("VALID");
    assertThat(JsonPath.<String>read(anonymous.body(), "$.documentNumber.canonical"))
        .isEqualTo("内政发〔2024〕12号");
    assertThat(JsonPath.<String>read(anonymous.body(), "$.documentNumber.asWritten"))
        .isEqualTo("内政发[2024]12号");
    assertThat(JsonPath.<String>read(anonymous.body(), "$.submittedBy")).isEqualTo(ALICE);
    assertThat(JsonPath.<String>read(anonymous.body(), "$.approvedBy")).isEqualTo(BOB);
    int version = JsonPath.read(anonymous.body(), "$.version");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                eventsOf(id).stream()
                    .anyMatch(e -> e.type().equals(PlatformEvent.POLICY_PUBLISHED)));
    assertThat(eventsOf(id))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(PlatformEvent.POLICY_PUBLISHED);
              assertThat(e.version()).isEqualTo(version);
            });

    HttpResponse<String> history = get("/policies/" + id + "/history");
    assertThat(JsonPath.<List<String>>read(history.body(), "$.data[*].action"))
        .containsExactly("create", "submit", "approve", "publish");
    assertThat(JsonPath.<List<String>>read(history.body(), "$.data[*].actor"))
        .containsExactly(ALICE, ALICE, BOB, BOB);
  }

  @Test
  void aResidentIdNumberWithAValidCheckDigitBlocksPublicationAWrongOneDoesNot() {
    String refused =
        api.create(draft("关于某事项的通知", null, "联系人身份证号：150102199003071237。"), token(ALICE));
    PolicyApi.assertOk(api.step(refused, "submit", token(ALICE)));
    PolicyApi.assertOk(api.step(refused, "approve", token(BOB)));
    HttpResponse<String> publish = api.step(refused, "publish", token(BOB));
    assertThat(publish.statusCode()).isEqualTo(422);
    assertThat(publish.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JsonPath.<String>read(publish.body(), "$.findings[0].field")).isEqualTo("body");
    assertThat(JsonPath.<String>read(publish.body(), "$.findings[0].kind"))
        .isEqualTo("RESIDENT_ID_NUMBER");
    assertThat(JsonPath.<Integer>read(publish.body(), "$.findings[0].offset")).isEqualTo(8);
    assertThat(JsonPath.<String>read(publish.body(), "$.findings[0].masked"))
        .isEqualTo("1501**********1237");
    assertThat(get("/policies/" + refused).statusCode()).isEqualTo(404);

    String accepted = api.publish(draft("关于另一事项的通知", null, "编号：150102199003071234。"));
    assertThat(get("/policies/" + accepted).statusCode()).isEqualTo(200);
  }

  @Test
  void aDocumentNumberIsPublishedOncePerIssuerWhateverTheSpelling() {
    api.publish(draft("第一份", "内政发〔2024〕12号", "正文"));
    String second = api.create(draft("第二份", "内政发（２０２４）12", "正文"), token(ALICE));
    PolicyApi.assertOk(api.step(second, "submit", token(ALICE)));
    PolicyApi.assertOk(api.step(second, "approve", token(BOB)));
    HttpResponse<String> publish = api.step(second, "publish", token(BOB));
    assertThat(publish.statusCode()).isEqualTo(409);
    assertThat(JsonPath.<String>read(publish.body(), "$.detail")).contains("内政发〔2024〕12号");
  }

  @Test
  void rejectedDocumentsGoBackToDraftWithTheReason() {
    String id = api.create(draft("待修改的通知", null, "正文"), token(ALICE));
    PolicyApi.assertOk(api.step(id, "submit", token(ALICE)));
    HttpResponse<String> rejected =
        api.send("POST", "/policies/" + id + "/reject", Map.of("reason", "请补充附件"), token(BOB));
    PolicyApi.assertOk(rejected);
    assertThat(JsonPath.<String>read(rejected.body(), "$.status")).isEqualTo("REJECTED");
    assertThat(JsonPath.<String>read(rejected.body(), "$.rejectionReason")).isEqualTo("请补充附件");
    assertThat(api.step(id, "publish", token(BOB)).statusCode()).isEqualTo(409);
    HttpResponse<String> edited =
        api.send("PUT", "/policies/" + id, draft("已修改的通知", null, "新正文"), token(ALICE));
    PolicyApi.assertOk(edited);
    assertThat(JsonPath.<String>read(edited.body(), "$.status")).isEqualTo("DRAFT");
    HttpResponse<String> history =
        get("/policies/" + id + "/history", "Authorization", token(ALICE));
    assertThat(JsonPath.<List<String>>read(history.body(), "$.data[*].comment")).contains("请补充附件");
  }

  @Test
  void writesNeedAPublisherAndBadInputIsA400() {
    assertThat(api.send("POST", "/policies", draft("无权", null, ""), null).statusCode())
        .isEqualTo(401);
    Map<String, Object> badNumber = draft("错误文号", "内政发〔0999〕12号", "");
    HttpResponse<String> invalid = api.send("POST", "/policies", badNumber, token(ALICE));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(JsonPath.<String>read(invalid.body(), "$.errors[0].parameter"))
        .isEqualTo("documentNumber");
    Map<String, Object> badRegion = draft("错误区划", null, "");
    badRegion.put("regionCode", "990000");
    assertThat(api.send("POST", "/policies", badRegion, token(ALICE)).statusCode()).isEqualTo(400);
    assertThat(get("/policies?nosuch=1").statusCode()).isEqualTo(400);
    assertThat(get("/policies/not-a-uuid").statusCode()).isEqualTo(400);
  }

  @Test
  void anonymousListsShowPublishedDocumentsOnlyAndExportCsv() {
    String published = api.publish(draft("已发布的通知", "内政发〔2024〕20号", "正文"));
    api.create(draft("草稿", null, "正文"), token(ALICE));

    HttpResponse<String> list = get("/policies");
    assertThat(JsonPath.<List<String>>read(list.body(), "$.data[*].id")).containsExactly(published);
    assertThat(JsonPath.<Integer>read(list.body(), "$.meta.total")).isEqualTo(1);
    HttpResponse<String> all = get("/policies", "Authorization", token(ALICE));
    assertThat(JsonPath.<Integer>read(all.body(), "$.meta.total")).isEqualTo(2);
    assertThat(get("/policies?status=DRAFT").statusCode()).isEqualTo(403);

    HttpResponse<String> csv = get("/policies?format=csv&fields=title,documentNumber,validity");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).contains("已发布的通知,内政发〔2024〕20号,VALID").doesNotContain("草稿");
    assertThat(get("/policies?type=" + encode("通知") + "&issuer=" + encode("内蒙古自治区人民政府")).body())
        .contains(published);
  }
}
