package org.opengovdata.search.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The founding study in both scripts (test resources copied from the shared reference data). */
public final class Corpus {

  private Corpus() {}

  public static String simplified() {
    return read("corpus/seed-corpus-zh-hans.txt");
  }

  public static String traditional() {
    return read("corpus/seed-corpus-zh-hant.txt");
  }

  /** The text cut into sentences (at 。). */
  public static List<String> sentences(String text) {
    return Arrays.stream(text.split("。")).map(String::trim).filter(s -> s.length() > 8).toList();
  }

  private static String read(String resource) {
    try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.substring(text.indexOf('\n') + 1); // skip the attribution line
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
