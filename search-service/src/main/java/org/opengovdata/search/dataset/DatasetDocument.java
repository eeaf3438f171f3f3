package org.opengovdata.search.dataset;

import java.util.List;

/** A dataset as stored in the {@code datasets} index (Jackson 2); text folded and segmented. */
public record DatasetDocument(
    String id,
    long version,
    Text title,
    Text description,
    List<String> keywords,
    String keywordWords,
    String theme,
    String publisher,
    String publisherWords,
    String regionCode,
    List<String> regionPath,
    String modified) {

  public record Text(String text, String words, String original, String sort) {}
}
