package org.opengovdata.catalog.policy.screening;

/**
 * Line and column of string offsets, for offsets asked in ascending order: one pass over the text
 * however many findings it has.
 */
final class TextPositions {

  record LineColumn(int line, int column) {}

  private final CharSequence text;
  private int offset;
  private int line = 1;
  private int column = 1;

  TextPositions(CharSequence text) {
    this.text = text;
  }

  /** Where {@code target} is; targets must not decrease from one call to the next. */
  LineColumn of(int target) {
    if (target < offset) {
      throw new IllegalArgumentException("offsets must be asked in ascending order");
    }
    while (offset < target) {
      char c = text.charAt(offset);
      if (c == '\n' || (c == '\r' && !nextIs('\n'))) {
        line++;
        column = 1;
      } else if (c != '\r'
          && !(Character.isLowSurrogate(c)
              && offset > 0
              && Character.isHighSurrogate(text.charAt(offset - 1)))) {
        column++;
      }
      offset++;
    }
    return new LineColumn(line, column);
  }

  private boolean nextIs(char c) {
    return offset + 1 < text.length() && text.charAt(offset + 1) == c;
  }
}
