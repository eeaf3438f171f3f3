package org.opengovdata.catalog.web;

import static org.opengovdata.common.representation.Representations.TEXT_CSV;

import java.util.List;
import org.opengovdata.catalog.api.model.FormatDto;
import org.springframework.http.MediaType;

/** The {@code format} parameter of tabular resources. */
public final class Formats {

  /** JSON Lines: every row, one JSON object per line. */
  public static final MediaType JSON_LINES = MediaType.APPLICATION_NDJSON;

  /** W3C CSVW metadata of a CSV answer. */
  public static final MediaType CSVW = MediaType.parseMediaType("application/csvm+json");

  /** JSON (the default), CSV, JSON Lines and the CSV's CSVW metadata. */
  public static final List<MediaType> TABULAR =
      List.of(MediaType.APPLICATION_JSON, TEXT_CSV, JSON_LINES, CSVW);

  private Formats() {}

  public static MediaType explicit(FormatDto format) {
    if (format == null) {
      return null;
    }
    return switch (format) {
      case JSON -> MediaType.APPLICATION_JSON;
      case CSV -> TEXT_CSV;
      case JSONL -> JSON_LINES;
      case CSVW -> CSVW;
    };
  }
}
