package org.opengovdata.search.docnumber;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Stand-in until the shared {@code document-number} module reaches main, covering only the variants
 * DESIGN.md names (widths, bracket styles, spaces, optional trailing 号, decree style). To be
 * replaced by an adapter over {@code org.opengovdata.docnumber.DocumentNumbers} — never extended.
 */
@Component
class InterimDocumentNumberParser implements DocumentNumberParser {

  private static final Pattern YEAR_IN_BRACKETS =
      Pattern.compile("[\\[(【〔［（]\\s*([0-9]{4})\\s*[\\])】〕］）]?");
  private static final Pattern NUMBER =
      Pattern.compile("^(\\p{IsHan}[\\p{IsHan}A-Za-z]*?)〔([0-9]{4})〕第?0*([0-9]{1,6})号?$");
  private static final Pattern DECREE = Pattern.compile("^(\\p{IsHan}+令)第0*([0-9]{1,6})号?$");
  private static final Pattern PREFIX =
      Pattern.compile("^(\\p{IsHan}[\\p{IsHan}A-Za-z]*?)(?:〔(?:([0-9]{4})(?:〕.*)?)?)?$");

  @Override
  public Optional<DocumentNumber> parse(String text) {
    String s = normalise(text);
    if (s == null) {
      return Optional.empty();
    }
    Matcher m = NUMBER.matcher(s);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(2));
      int serial = Integer.parseInt(m.group(3));
      String canonical = m.group(1) + "〔" + year + "〕" + serial + "号";
      return Optional.of(new DocumentNumber(canonical, m.group(1), year, serial));
    }
    Matcher d = DECREE.matcher(s);
    if (d.matches()) {
      int serial = Integer.parseInt(d.group(2));
      return Optional.of(
          new DocumentNumber(d.group(1) + "第" + serial + "号", d.group(1), null, serial));
    }
    return Optional.empty();
  }

  @Override
  public Optional<NumberPrefix> parsePrefix(String text) {
    String s = normalise(text);
    if (s == null) {
      return Optional.empty();
    }
    Matcher m = PREFIX.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    Integer year = m.group(2) == null ? null : Integer.parseInt(m.group(2));
    return Optional.of(new NumberPrefix(m.group(1), year, s));
  }

  private static String normalise(String text) {
    if (text == null || text.isBlank() || text.length() > 64) {
      return null;
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    Matcher year = YEAR_IN_BRACKETS.matcher(s);
    StringBuilder out = new StringBuilder();
    while (year.find()) {
      boolean closed = !year.group().endsWith(year.group(1));
      year.appendReplacement(out, "〔" + year.group(1) + (closed ? "〕" : ""));
    }
    year.appendTail(out);
    return out.toString();
  }
}
