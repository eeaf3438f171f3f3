package org.opengovdata.archive.record;

import java.util.UUID;

/**
 * The {@code metadata.json} of a version: the record's id and metadata and which file is its
 * content. With it an object describes itself, so the index can be rebuilt from the root alone.
 */
public record MetadataDocument(
    int schema, UUID recordId, RecordMetadata record, ContentFile content) {

  public static final String PATH = "metadata.json";
  public static final int CURRENT_SCHEMA = 1;
}
