package org.opengovdata.search.support;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.opengovdata.search.dataset.Dataset;
import org.opengovdata.search.dataset.DatasetSource;

/** The catalog's dataset list as the tests control it (Elasticsearch and Redis stay real). */
public class FixtureDatasetSource implements DatasetSource {

  private final Map<String, Dataset> datasets = new ConcurrentHashMap<>();

  public void put(Dataset dataset) {
    datasets.put(dataset.id(), dataset);
  }

  @Override
  public Optional<Dataset> fetch(String id) {
    return Optional.ofNullable(datasets.get(id));
  }

  @Override
  public Stream<Dataset> streamAll() {
    return datasets.values().stream().sorted(Comparator.comparing(Dataset::id));
  }
}
