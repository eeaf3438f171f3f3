package org.opengovdata.catalog.dataset;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.common.outbox.OutboxEvents;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.paging.SortOrder;
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
  private final FreshnessRule freshness;

  DatasetCatalog(DatasetRepository datasets, OutboxEvents outbox, FreshnessRule freshness) {
    this.datasets = datasets;
    this.outbox = outbox;
    this.freshness = freshness;
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

  /** Every dataset's freshness today, the latest first (then by id). */
  List<Freshness> freshness() {
    return all(
            new DatasetQuery(
                null, null, null, null, null, SortOrder.of("id"), new PageRequest(0, 1)))
        .stream()
        .map(freshness::of)
        .sorted(
            Comparator.comparingInt(Freshness::overdueDays)
                .reversed()
                .thenComparing(f -> f.dataset().id()))
        .toList();
  }

  /** The identifiers of the datasets that are (or are not) overdue today. */
  Set<String> idsOverdue(boolean overdue) {
    return freshness().stream()
        .filter(f -> f.overdue() == overdue)
        .map(f -> f.dataset().id())
        .collect(Collectors.toSet());
  }

  /** The version stamp of answers that depend on today's date as well as on the data. */
  String stampToday() {
    return stamp(null) + "|" + freshness.today();
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
            query.ids(),
            query.text(),
            query.modifiedSince(),
            query.sort(),
            new PageRequest(0, Integer.MAX_VALUE)));
  }
}
