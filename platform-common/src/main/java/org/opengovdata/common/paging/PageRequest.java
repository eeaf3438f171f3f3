package org.opengovdata.common.paging;

/** {@code page} (0-based) and {@code size} of a list request. */
public record PageRequest(int page, int size) {

  public PageRequest {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page >= 0 and size >= 1");
    }
  }

  public long offset() {
    return (long) page * size;
  }

  public long totalPages(long total) {
    return (total + size - 1) / size;
  }
}
