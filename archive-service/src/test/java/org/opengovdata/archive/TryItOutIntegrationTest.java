package org.opengovdata.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.security.Role;
import org.opengovdata.common.testsupport.Http;
import org.opengovdata.common.testsupport.TestTokens;
import org.opengovdata.common.testsupport.TryItOut;

/**
 * "Try it out" in /docs pre-fills every parameter with an example or a default: each read of the
 * archive, sent as pre-filled (by an archivist), is accepted — 200, or 404 where the example names
 * a record this archive does not hold — never a 400 on the first click.
 */
class TryItOutIntegrationTest extends ArchiveIntegrationTest {

  @Test
  void everyPreFilledReadIsAccepted() throws Exception {
    List<TryItOut.PreFilled> reads = TryItOut.preFilledReads(TryItOut.spec("archive"));
    assertThat(reads).hasSizeGreaterThan(5);
    String archivist = TestTokens.bearer("key_archivist_it", Role.ARCHIVIST, Role.ADMIN);
    for (TryItOut.PreFilled read : reads) {
      HttpResponse<String> answer =
          Http.get("http://localhost:" + port + read.uri(), "Authorization", archivist);
      if (read.namesARecord()) {
        assertThat(answer.statusCode()).as(read.uri() + " " + answer.body()).isIn(200, 404);
      } else {
        assertThat(answer.statusCode()).as(read.uri() + " " + answer.body()).isEqualTo(200);
      }
    }
  }
}
