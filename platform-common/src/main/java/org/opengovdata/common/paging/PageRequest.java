package org.opengovdata.common.paging;

import org.opengovdata.common.problem.ApiException;

/**
 * {@code page} (0-based) and {@code size} of a list request. Numbered pages stop at {@link
 * #MAX_OFFSET} rows: a deeper {@code OFFSET} makes the database read and discard every row before
 * it on each request (OWASP API4), while the keyset {@code cursor} reaches any depth at the same
 * cost — so a deeper page is a 400 on {@code page} pointing to it.
 */
public record PageRequest(int page, int size) {

  /** The deepest row a numbered page may start at ({@code page × size}). */
  public static final long MAX_OFFSET = 100_000;

  public PageRequest {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page >= 0 and size >= 1");
    }
    if ((long) page * size > MAX_OFFSET) {
      throw ApiException.invalidParameter(
          "page",
          ("page × size must not exceed %d rows (got page %d × size %d); to read deeper, follow"
                  + " meta.nextCursor with the cursor parameter, which has no depth limit")
              .formatted(MAX_OFFSET, page, size));
    }
  }

  public long offset() {
    return (long) page * size;
  }

  public long totalPages(long total) {
    return (total + size - 1) / size;
  }
}
