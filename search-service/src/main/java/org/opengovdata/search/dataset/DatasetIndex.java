package org.opengovdata.search.dataset;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import java.io.IOException;
import java.util.stream.Collectors;
import org.opengovdata.search.index.ElasticsearchErrors;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.region.RegionTree;
import org.opengovdata.search.text.ChineseText;
import org.springframework.stereotype.Component;

/** Writes dataset metadata into the {@code datasets} index, idempotently (external version). */
@Component
public class DatasetIndex {

  private final ElasticsearchClient client;
  private final SearchIndices indices;
  private final ChineseText text;
  private final RegionTree regions;

  public DatasetIndex(
      ElasticsearchClient client, SearchIndices indices, ChineseText text, RegionTree regions) {
    this.client = client;
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
        d.regionCode() == null ? java.util.List.of() : regions.lineage(d.regionCode()),
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

  /** Writes into one index (a rebuild). */
  public boolean writeTo(java.util.List<String> targets, Dataset dataset) throws IOException {
    DatasetDocument document = toDocument(dataset);
    String alias = indices.alias(IndexKind.DATASETS);
    boolean changed = false;
    for (String target : targets) {
      try {
        client.index(
            i ->
                i.index(target)
                    .requireAlias(target.equals(alias))
                    .id(document.id())
                    .version(document.version())
                    .versionType(VersionType.External)
                    .document(document));
        changed = true;
      } catch (ElasticsearchException | IOException e) {
        if (!ElasticsearchErrors.isVersionConflict(e)) {
          throw e;
        }
      }
    }
    return changed;
  }

  /** Removes a dataset the catalog no longer lists. */
  public boolean remove(String id, long version) throws IOException {
    boolean changed = false;
    for (String target : indices.writeTargets(IndexKind.DATASETS)) {
      try {
        var response =
            client.delete(
                d -> d.index(target).id(id).version(version).versionType(VersionType.External));
        changed |= response.result() == co.elastic.clients.elasticsearch._types.Result.Deleted;
      } catch (ElasticsearchException | IOException e) {
        int status = ElasticsearchErrors.status(e);
        if (status != 409 && status != 404) {
          throw e;
        }
      }
    }
    return changed;
  }
}
