package org.opengovdata.search.dataset;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.index.VersionedWrites;
import org.opengovdata.search.region.RegionTree;
import org.opengovdata.search.text.ChineseText;
import org.springframework.stereotype.Component;

/**
 * Writes dataset metadata into the {@code datasets} index, idempotently ({@link VersionedWrites}).
 */
@Component
public class DatasetIndex {

  private final VersionedWrites writes;
  private final SearchIndices indices;
  private final ChineseText text;
  private final RegionTree regions;

  public DatasetIndex(
      VersionedWrites writes, SearchIndices indices, ChineseText text, RegionTree regions) {
    this.writes = writes;
    this.indices = indices;
    this.text = text;
    this.regions = regions;
  }

  public DatasetDocument toDocument(Dataset d) {
    String keywords = d.keywords().stream().map(text::fold).collect(Collectors.joining(" "));
    String publisher = text.fold(d.publisher());
    return new DatasetDocument(
        d.id(),
        d.version(),
        text(d.title(), true),
        text(d.description(), false),
        d.keywords(),
        text.words(keywords),
        d.theme(),
        d.publisher(),
        publisher == null ? null : text.words(publisher),
        d.regionCode(),
        d.regionCode() == null ? List.of() : regions.lineage(d.regionCode()),
        d.modified() == null ? null : d.modified().toString());
  }

  private DatasetDocument.Text text(String raw, boolean sortable) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String folded = text.fold(raw);
    return new DatasetDocument.Text(
        folded, text.words(folded), folded.equals(raw) ? null : raw, sortable ? folded : null);
  }

  /**
   * Writes into the live index (and one being rebuilt); false when it already held this version.
   */
  public boolean write(Dataset dataset) throws IOException {
    return writeTo(indices.writeTargets(IndexKind.DATASETS), dataset);
  }

  /** Writes into the given indices (a rebuild: the new one only). */
  public boolean writeTo(List<String> targets, Dataset dataset) throws IOException {
    DatasetDocument document = toDocument(dataset);
    return writes.write(IndexKind.DATASETS, targets, document.id(), document.version(), document);
  }

  /** Removes a dataset the catalog no longer lists. */
  public boolean remove(String id, long version) throws IOException {
    return writes.remove(IndexKind.DATASETS, id, version);
  }
}
