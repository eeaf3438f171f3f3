package org.opengovdata.catalog.dataset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A dataset of the catalogue (DCAT-AP-like metadata). */
public record Dataset(
    String id,
    String theme,
    String title,
    String titleEn,
    String description,
    String publisher,
    String regionCode,
    List<String> keywords,
    LocalDate temporalStart,
    LocalDate temporalEnd,
    String updateFrequency,
    String license,
    String resourcePath,
    OffsetDateTime issued,
    OffsetDateTime modified,
    long version) {

  /** The list resource as JSON. */
  public String jsonUrl() {
    return resourcePath;
  }

  /** The same resource as CSV. */
  public String csvUrl() {
    return resourcePath + (resourcePath.contains("?") ? "&" : "?") + "format=csv";
  }

  /** The whole dataset as one CSV file (the same bytes as {@link #csvUrl}), with validators. */
  public String downloadUrl() {
    return "/api/v1/catalog/datasets/" + id + "/download";
  }
}
