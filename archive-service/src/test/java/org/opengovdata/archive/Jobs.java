package org.opengovdata.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Starts an index rebuild and waits for its job to finish. */
public final class Jobs {

  private Jobs() {}

  /**
   * @return the finished job's JSON
   */
  public static String rebuildIndex(ArchiveApi api) {
    HttpResponse<String> started = api.postJson("/admin/index-rebuild", null, ArchiveApi.admin());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    String[] job = new String[1];
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              HttpResponse<String> response =
                  api.get(location, "Authorization", ArchiveApi.admin());
              job[0] = response.body();
              String state = JsonPath.read(response.body(), "$.state");
              return state.equals("SUCCEEDED") || state.equals("FAILED");
            });
    assertThat(JsonPath.<String>read(job[0], "$.state")).as(job[0]).isEqualTo("SUCCEEDED");
    return job[0];
  }
}
