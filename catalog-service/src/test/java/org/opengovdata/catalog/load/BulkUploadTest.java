package org.opengovdata.catalog.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;

class BulkUploadTest {

  @Test
  void moreThanTheLimitIsA413WhileReading() {
    InputStream limited = new BulkUpload.Limited(new ByteArrayInputStream(new byte[100]), 64);
    assertThatThrownBy(limited::readAllBytes)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE));
  }

  @Test
  void aByteOrderMarkIsSkipped() throws Exception {
    byte[] withBom = "\uFEFFyear\n".getBytes(StandardCharsets.UTF_8);
    try (Reader reader =
        new BulkUpload(new ByteArrayInputStream(withBom), StandardCharsets.UTF_8).reader()) {
      assertThat(new String(new char[] {(char) reader.read()})).isEqualTo("y");
    }
    try (Reader reader =
        new BulkUpload(
                new ByteArrayInputStream("ye".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8)
            .reader()) {
      assertThat((char) reader.read()).isEqualTo('y');
    }
  }

  @Test
  void theReportKeepsTheFirstThousandErrorsAndCountsAll() {
    RowErrors errors = new RowErrors();
    for (int row = 2; row < 1502; row++) {
      errors.add(row, "amount", "x".repeat(300), "amount must be a number");
    }
    assertThatThrownBy(errors::rejectIfAny)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              var problem = e.toProblem();
              assertThat(problem.getProperties()).containsEntry("errorCount", 1500L);
              assertThat((java.util.List<?>) problem.getProperties().get("errors")).hasSize(1000);
              assertThat(
                      ((RowError)
                              ((java.util.List<?>) problem.getProperties().get("errors")).get(0))
                          .value())
                  .hasSize(256);
            });
  }
}
