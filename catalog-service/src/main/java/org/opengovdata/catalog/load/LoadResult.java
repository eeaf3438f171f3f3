package org.opengovdata.catalog.load;

import java.util.List;
import org.opengovdata.catalog.api.model.BulkLoadResultDto;
import org.opengovdata.catalog.api.model.DatasetVersionDto;
import org.opengovdata.catalog.dataset.DatasetVersion;

/** What a load changed. */
public record LoadResult(
    long rows, long inserted, long updated, long unchanged, List<DatasetVersion> datasets) {

  public BulkLoadResultDto toDto() {
    return new BulkLoadResultDto()
        .rows(rows)
        .inserted(inserted)
        .updated(updated)
        .unchanged(unchanged)
        .datasets(
            datasets.stream()
                .map(
                    d ->
                        new DatasetVersionDto()
                            .id(d.id())
                            .version(d.version())
                            .modified(d.modified()))
                .toList());
  }
}
