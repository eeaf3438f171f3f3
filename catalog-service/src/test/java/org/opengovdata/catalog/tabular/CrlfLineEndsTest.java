package org.opengovdata.catalog.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CrlfLineEndsTest {

  private static String convert(String... chunks) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CrlfLineEnds lines = new CrlfLineEnds(out);
    for (String chunk : chunks) {
      lines.write(chunk.getBytes(StandardCharsets.UTF_8));
    }
    lines.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void recordEndsBecomeCrlfButLineBreaksInQuotedCellsStay() throws IOException {
    assertThat(convert("1,新城区,\"第一行\n第二行\"\n2,\"a \"\"q\"\" b\",x\n"))
        .isEqualTo("1,新城区,\"第一行\n第二行\"\r\n2,\"a \"\"q\"\" b\",x\r\n");
  }

  @Test
  void quotesSplitAcrossWritesAreFollowed() throws IOException {
    assertThat(convert("1,\"a\n", "b\"\n", "2\n")).isEqualTo("1,\"a\nb\"\r\n2\r\n");
  }

  @Test
  void largeOutputPassesThroughWhole() throws IOException {
    String row = "2024,150600,91961.11\n";
    String converted = convert(row.repeat(10_000));
    assertThat(converted).isEqualTo("2024,150600,91961.11\r\n".repeat(10_000));
  }
}
