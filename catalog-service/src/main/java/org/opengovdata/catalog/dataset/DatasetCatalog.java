package org.opengovdata.catalog.dataset;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.common.outbox.OutboxEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue facade: what other features use to version their data and announce changes. */
@Service
public class DatasetCatalog {

  public static final String THEME_FISCAL = "fiscal";
  public static final String THEME_STATISTICS = "statistics";

  private final DatasetRepository datasets;
  private final OutboxEvents outbox;

  DatasetCatalog(DatasetRepository datasets, OutboxEvents outbox) {
    this.datasets = datasets;
    this.outbox = outbox;
  }

  /**
   * A value that changes with every load of a dataset of {@code theme} (null: any dataset); the
   * basis of ETags and cache keys.
   */
  public String stamp(String theme) {
    return (theme == null ? "all" : theme) + "|" + datasets.stamp(theme);
  }

  /**
   * Records that a load changed these datasets: bumps their version and {@code modified} and writes
   * one {@code dataset.updated} outbox event each — in the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<DatasetVersion> recordUpdate(Collection<String> datasetIds) {
    List<DatasetVersion> versions = datasets.bump(datasetIds);
    versions.forEach(v -> outbox.record(PlatformEvent.DATASET_UPDATED, v.id(), v.version()));
    return versions;
  }

  public Optional<Dataset> find(String id) {
    return datasets.find(id);
  }

  long count(DatasetQuery query) {
    return datasets.count(query);
  }

  List<Dataset> page(DatasetQuery query) {
    return datasets.page(query);
  }

  /** Every dataset matching the filters (the catalogue is small), for CSV. */
  List<Dataset> all(DatasetQuery query) {
    return datasets.page(
        new DatasetQuery(
            query.theme(),
            query.coveringRegions(),
            query.text(),
            query.modifiedSince(),
            query.sort(),
            new org.opengovdata.common.paging.PageRequest(0, Integer.MAX_VALUE)));
  }
}
