package org.opengovdata.archive.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengovdata.archive.record.ArchiveVersion;
import org.opengovdata.common.problem.ApiException;

class MementosTest {

  private static final UUID ID = UUID.fromString("5f0c7e3a-9b1d-4c8e-8f5e-2a4b6c8d0e1f");

  @Test
  void httpDatesAreImfFixdatesWithTwoDigitDays() {
    assertThat(HttpDates.format(Instant.parse("2024-04-02T08:00:00.900Z")))
        .isEqualTo("Tue, 02 Apr 2024 08:00:00 GMT");
    assertThat(HttpDates.parseAcceptDatetime("Tue, 2 Apr 2024 08:00:00 GMT"))
        .isEqualTo(Instant.parse("2024-04-02T08:00:00Z"));
    assertThatThrownBy(() -> HttpDates.parseAcceptDatetime("2024-04-02"))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void timeMapListsEveryMementoBetweenTheOriginalAndItself() {
    String map =
        Mementos.timeMap(
            ID, List.of(version(1, "2024-04-02T08:00:00Z"), version(2, "2024-04-03T08:00:00Z")));
    assertThat(map)
        .isEqualTo(
            """
            </api/v1/archive/records/%1$s/content>;rel="original timegate",
            </api/v1/archive/records/%1$s/timemap>;rel="self";type="application/link-format";from="Tue, 02 Apr 2024 08:00:00 GMT";until="Wed, 03 Apr 2024 08:00:00 GMT",
            </api/v1/archive/records/%1$s/versions/1/content>;rel="first memento";datetime="Tue, 02 Apr 2024 08:00:00 GMT",
            </api/v1/archive/records/%1$s/versions/2/content>;rel="last memento";datetime="Wed, 03 Apr 2024 08:00:00 GMT"
            """
                .formatted(ID));
  }

  @Test
  void contentDigestIsTheBase64OfTheHexDigest() {
    assertThat(VerifiedContent.contentDigest("sha256", "00ff10")).isEqualTo("sha-256=:AP8Q:");
  }

  @Test
  void textDiffRefusesBinaryAndDiffsText() {
    assertThat(TextDiff.asText(new byte[] {'a', 0, 'b'})).isEmpty();
    assertThat(TextDiff.asText(new byte[] {(byte) 0xC3, (byte) 0x28})).isEmpty();
    assertThat(TextDiff.asText("\uFEFF第一条".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .hasValue("第一条");
    assertThat(TextDiff.unified("a", "一\n二\n", "b", "一\n三\n"))
        .isEqualTo("--- a\n+++ b\n@@ -1,3 +1,3 @@\n 一\n-二\n+三\n \n");
  }

  private static ArchiveVersion version(int n, String created) {
    return new ArchiveVersion(
        ID, n, Instant.parse(created), null, null, null, null, "sha512", null);
  }
}
