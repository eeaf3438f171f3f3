package org.opengovdata.search.dataset;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where dataset metadata comes from: the catalog ({@code GET /api/v1/catalog/datasets}). Phase 2
 * implements it with the client generated from {@code catalog.yaml}, like {@code PolicySource}.
 */
public interface DatasetSource {

  /** The dataset's current metadata; empty when the catalog no longer lists it. */
  Optional<Dataset> fetch(String id);

  /** Every dataset, for a full rebuild. The caller closes the stream. */
  Stream<Dataset> streamAll();
}
