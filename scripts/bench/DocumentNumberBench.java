import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengovdata.catalog.policy.screening.PersonalDataScreening;
import org.opengovdata.docnumber.DocumentNumbers;

/**
 * Benchmark program for scripts/bench/document-number.sh (run as a single-file program with the
 * document-number and catalog-service classes on the class path). Modes:
 *
 * <ul>
 *   <li>{@code cold}: in a fresh JVM, times the first looksLikeDocumentNumber, the first parse (which
 *       loads the traditional → simplified dictionary) and a second parse. Prints "ms ms ms".
 *   <li>{@code parse ROUNDS}: steady-state nanoseconds per call, interleaved rounds of parse,
 *       looksLikeDocumentNumber and the baseline (NFKC of the same strings). Prints one line per
 *       round: "parse looks nfkc".
 *   <li>{@code screen ROUNDS MB [CORPUS]}: personal-data screening of MB megabytes of Chinese text
 *       (the corpus file repeated, or generated text) with a finding every ~4 KB, interleaved with
 *       the baseline: one regex pass that only finds digits. Prints per round "screen_MBps
 *       baseline_MBps findings".
 * </ul>
 */
public class DocumentNumberBench {

  private static final String[] ISSUERS = {
    "内政发", "内政办发", "内财预", "鄂府发", "呼政发", "包府办发", "锡署发", "赤政字", "通政办发", "乌海政发"
  };

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "cold" -> cold();
      case "parse" -> parse(Integer.parseInt(args[1]));
      case "screen" -> screen(
          Integer.parseInt(args[1]), Integer.parseInt(args[2]), args.length > 3 ? args[3] : null);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void cold() {
    long t0 = System.nanoTime();
    boolean looks = DocumentNumbers.looksLikeDocumentNumber("內政發〔2024〕12號");
    long t1 = System.nanoTime();
    String first = DocumentNumbers.normalise("內政發〔2024〕12號");
    long t2 = System.nanoTime();
    String second = DocumentNumbers.normalise("包府辦發(2020)101");
    long t3 = System.nanoTime();
    if (!looks || !first.equals("内政发〔2024〕12号") || !second.equals("包府办发〔2020〕101号")) {
      throw new IllegalStateException(first + " " + second);
    }
    System.out.printf("%.2f %.2f %.3f%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
  }

  /** 1,000 numbers as people type them: every issuer, form and typing variant, half traditional. */
  private static String[] typedNumbers() {
    String[] shapes = {
      "%s〔%d〕%d号", "%s[%d]%d", "%s（%d）第%03d号", "%s【%d】%d號", " %s ( %d ) %d 号", "%s%d年第%d号"
    };
    List<String> typed = new ArrayList<>();
    for (int i = 0; typed.size() < 1000; i++) {
      String issuer = ISSUERS[i % ISSUERS.length];
      if (i % 2 == 1) {
        issuer = issuer.replace('内', '內').replace('发', '發').replace('办', '辦').replace('财', '財');
      }
      String shape = shapes[i % shapes.length];
      String number = String.format(shape, issuer, 2015 + i % 11, 1 + i % 300);
      typed.add(i % 7 == 0 ? toFullWidthDigits(number) : number);
    }
    return typed.toArray(String[]::new);
  }

  private static String toFullWidthDigits(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c);
    }
    return out.toString();
  }

  private static void parse(int rounds) {
    String[] typed = typedNumbers();
    int reps = 200; // 200,000 calls per measurement
    long sink = 0;
    for (int w = 0; w < 3; w++) { // warm-up: let the JIT compile all three paths
      sink += parseAll(typed, reps) + looksAll(typed, reps) + nfkcAll(typed, reps);
    }
    for (int r = 0; r < rounds; r++) {
      long a = System.nanoTime();
      sink += parseAll(typed, reps);
      long b = System.nanoTime();
      sink += looksAll(typed, reps);
      long c = System.nanoTime();
      sink += nfkcAll(typed, reps);
      long d = System.nanoTime();
      double calls = (double) typed.length * reps;
      System.out.printf("%.0f %.0f %.0f%n", (b - a) / calls, (c - b) / calls, (d - c) / calls);
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  private static long parseAll(String[] typed, int reps) {
    long sink = 0;
    for (int r = 0; r < reps; r++) {
      for (String s : typed) {
        sink += DocumentNumbers.parse(s).key().length();
      }
    }
    return sink;
  }

  private static long looksAll(String[] typed, int reps) {
    long sink = 0;
    for (int r = 0; r < reps; r++) {
      for (String s : typed) {
        sink += DocumentNumbers.looksLikeDocumentNumber(s) ? 1 : 0;
      }
    }
    return sink;
  }

  private static long nfkcAll(String[] typed, int reps) {
    long sink = 0;
    for (int r = 0; r < reps; r++) {
      for (String s : typed) {
        sink += Normalizer.normalize(s, Normalizer.Form.NFKC).length();
      }
    }
    return sink;
  }

  private static void screen(int rounds, int megabytes, String corpus) throws Exception {
    String text = screeningText(megabytes, corpus);
    PersonalDataScreening screening = new PersonalDataScreening();
    Pattern digit = Pattern.compile("[0-9０-９]");
    double mb = text.getBytes(StandardCharsets.UTF_8).length / 1e6;
    int findings = screening.screen(text).size(); // warm-up
    baseline(digit, text);
    for (int r = 0; r < rounds; r++) {
      long a = System.nanoTime();
      findings = screening.screen(text).size();
      long b = System.nanoTime();
      int digits = baseline(digit, text);
      long c = System.nanoTime();
      System.out.printf(
          "%.1f %.1f %d %d %.1f%n", mb / ((b - a) / 1e9), mb / ((c - b) / 1e9), findings, digits, mb);
    }
  }

  private static int baseline(Pattern digit, String text) {
    int count = 0;
    Matcher m = digit.matcher(text);
    while (m.find()) {
      count++;
    }
    return count;
  }

  /** The corpus repeated (or generated text), a phone number or ID number every ~4 KB. */
  private static String screeningText(int megabytes, String corpus) throws Exception {
    String base =
        corpus != null && Files.isReadable(Path.of(corpus))
            ? Files.readString(Path.of(corpus))
            : generated();
    String[] personal = {"13812345678", "150102199003071237", "+86 139-0471-0000", "150102199003071234"};
    StringBuilder out = new StringBuilder(megabytes * 400_000);
    int i = 0;
    while (out.length() * 3L < megabytes * 1_000_000L) { // about 3 UTF-8 bytes per Han character
      int from = (i * 1361) % Math.max(1, base.length() - 1400);
      out.append(base, from, from + Math.min(1300, base.length() - from));
      out.append("联系人：").append(personal[i % personal.length]).append("。\n");
      i++;
    }
    return out.toString();
  }

  private static String generated() {
    char[] chars = new char[200_000];
    long seed = 42;
    for (int i = 0; i < chars.length; i++) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      int r = (int) ((seed >>> 33) % 100);
      chars[i] = r < 5 ? (char) ('0' + r) : r < 8 ? '，' : (char) ('一' + (seed >>> 40) % 3000);
    }
    return new String(chars) + Arrays.toString(new int[] {2024, 12});
  }
}
