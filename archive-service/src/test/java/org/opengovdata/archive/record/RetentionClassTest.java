package org.opengovdata.archive.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetentionClassTest {

  @Test
  void periodCountsFromTheFirstOfJanuaryAfterTheDocumentsYear() {
    assertThat(RetentionClass.Y30.dispositionDate(LocalDate.of(2024, 3, 15)))
        .hasValue(LocalDate.of(2055, 1, 1));
    assertThat(RetentionClass.Y10.dispositionDate(LocalDate.of(2024, 12, 31)))
        .hasValue(LocalDate.of(2035, 1, 1));
    assertThat(RetentionClass.Y10.dispositionDate(LocalDate.of(2024, 1, 1)))
        .hasValue(LocalDate.of(2035, 1, 1));
  }

  @Test
  void permanentIsNeverDue() {
    assertThat(RetentionClass.PERMANENT.dispositionDate(LocalDate.of(1947, 5, 1))).isEmpty();
  }

  @Test
  void retentionCanOnlyBeExtended() {
    assertThat(RetentionClass.Y10.isExtendedBy(RetentionClass.Y30)).isTrue();
    assertThat(RetentionClass.Y30.isExtendedBy(RetentionClass.PERMANENT)).isTrue();
    assertThat(RetentionClass.Y30.isExtendedBy(RetentionClass.Y10)).isFalse();
    assertThat(RetentionClass.Y30.isExtendedBy(RetentionClass.Y30)).isFalse();
    assertThat(RetentionClass.PERMANENT.isExtendedBy(RetentionClass.Y30)).isFalse();
  }

  @Test
  void recordIdsOfOurObjectsRoundTripAndForeignIdsAreStable() {
    java.util.UUID id = java.util.UUID.randomUUID();
    assertThat(RecordIds.recordId(RecordIds.objectId(id))).isEqualTo(id);
    assertThat(RecordIds.recordId("ark:123/abc")).isEqualTo(RecordIds.recordId("ark:123/abc"));
    assertThat(RecordIds.recordId("urn:uuid:not-a-uuid")).isNotNull();
  }

  @Test
  void uploadNamesLoseDirectoriesAndControlCharacters() {
    assertThat(Uploads.safeName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(Uploads.safeName("C:\\docs\\措施.pdf")).isEqualTo("措施.pdf");
    assertThat(Uploads.safeName("a\u0000b.txt")).isEqualTo("ab.txt");
    assertThat(Uploads.safeName("..")).isEqualTo("content.bin");
    assertThat(Uploads.safeName(null)).isEqualTo("content.bin");
  }
}
