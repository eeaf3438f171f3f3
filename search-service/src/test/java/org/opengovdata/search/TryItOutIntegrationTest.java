package org.opengovdata.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.security.Role;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestTokens;
import org.opengovdata.common.testsupport.TryItOut;
import org.opengovdata.search.support.SearchIT;

/**
 * "Try it out" in /docs pre-fills every parameter with an example or a default: each read of the
 * search service, sent as pre-filled, is accepted — 200, or 404 where the example names a document
 * the index does not hold — never a 400 on the first click.
 */
class TryItOutIntegrationTest extends SearchIT {

  @Test
  void everyPreFilledReadIsAccepted() throws Exception {
    List<TryItOut.PreFilled> reads = TryItOut.preFilledReads(TryItOut.spec("search"));
    assertThat(reads).hasSizeGreaterThanOrEqualTo(4);
    String admin = TestTokens.bearer("key_admin_it", Role.ADMIN);
    for (TryItOut.PreFilled read : reads) {
      HttpResponse<String> answer =
          Http.get("http://localhost:" + port + read.uri(), "Authorization", admin);
      if (read.namesARecord()) {
        assertThat(answer.statusCode()).as(read.uri() + " " + answer.body()).isIn(200, 404);
      } else {
        assertThat(answer.statusCode()).as(read.uri() + " " + answer.body()).isEqualTo(200);
      }
    }
  }
}
