package org.opengovdata.catalog.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Function;
import org.opengovdata.common.security.KeyScope;
import org.opengovdata.common.security.Role;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/** The policy endpoints as a test client: two publisher keys, JSON bodies. */
final class PolicyApi {

  static final String ALICE = "key_publisher_alice";
  static final String BOB = "key_publisher_bob";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Function<String, String> url;

  PolicyApi(Function<String, String> url) {
    this.url = url;
  }

  static String token(String key) {
    return TestTokens.bearer(key, Role.PUBLISHER);
  }

  static String scoped(String key, String... regions) {
    return TestTokens.scopedBearer(
        key, KeyScope.of(java.util.List.of(regions), java.util.List.of()), Role.PUBLISHER);
  }

  static Map<String, Object> draft(String title, String number, String body) {
    Map<String, Object> draft = new java.util.LinkedHashMap<>();
    draft.put("title", title);
    if (number != null) {
      draft.put("documentNumber", number);
    }
    draft.put("issuer", "内蒙古自治区人民政府");
    draft.put("documentType", "通知");
    draft.put("subject", "综合政务");
    draft.put("regionCode", "150000");
    draft.put("writtenDate", "2024-03-01");
    draft.put("body", body);
    return draft;
  }

  HttpResponse<String> send(String method, String path, Object body, String bearer) {
    String json = body == null ? "" : JSON.writeValueAsString(body);
    return bearer == null
        ? Http.send(method, url.apply(path), json, "Content-Type", "application/json")
        : Http.send(
            method,
            url.apply(path),
            json,
            "Content-Type",
            "application/json",
            "Authorization",
            bearer);
  }

  String create(Map<String, Object> draft, String bearer) {
    HttpResponse<String> created = send("POST", "/policies", draft, bearer);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JsonPath.read(created.body(), "$.id");
  }

  HttpResponse<String> step(String id, String action, String bearer) {
    return send("POST", "/policies/" + id + "/" + action, Map.of(), bearer);
  }

  /** Create (Alice) → submit (Alice) → approve (Bob) → publish (Bob); asserts each step. */
  String publish(Map<String, Object> draft) {
    String id = create(draft, token(ALICE));
    assertOk(step(id, "submit", token(ALICE)));
    assertOk(step(id, "approve", token(BOB)));
    assertOk(step(id, "publish", token(BOB)));
    return id;
  }

  static void assertOk(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
