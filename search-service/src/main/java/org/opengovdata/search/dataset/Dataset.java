package org.opengovdata.search.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A dataset of the catalog as {@code GET /api/v1/catalog/datasets/{id}} describes it (the fields
 * search needs). {@code version} is bumped by every load; the index keeps the highest.
 */
public record Dataset(
    String id,
    long version,
    String theme,
    String title,
    String titleEn,
    String description,
    String publisher,
    String regionCode,
    List<String> keywords,
    Instant modified) {

  public Dataset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }
}
