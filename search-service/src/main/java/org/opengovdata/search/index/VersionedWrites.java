package org.opengovdata.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.VersionType;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Single-document writes and deletions with the source's version as the Elasticsearch {@code
 * external} version, so that a write only lands when it is newer than what the index holds: a
 * replayed or late event never brings back an older state (409 = already newer, counted as done).
 * Policies and datasets are written the same way.
 */
@Component
public class VersionedWrites {

  private final ElasticsearchClient client;
  private final SearchIndices indices;

  public VersionedWrites(ElasticsearchClient client, SearchIndices indices) {
    this.client = client;
    this.indices = indices;
  }

  /**
   * Writes {@code document} into each target (the alias, and an index being rebuilt).
   *
   * @return whether any target changed (false: each already held this version or a newer one)
   */
  public boolean write(
      IndexKind kind, List<String> targets, String id, long version, Object document)
      throws IOException {
    String alias = indices.alias(kind);
    boolean changed = false;
    for (String target : targets) {
      try {
        client.index(
            i ->
                i.index(target)
                    // never let a write create a stray index when the alias is missing
                    .requireAlias(target.equals(alias))
                    .id(id)
                    .version(version)
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

  /**
   * Deletes a document from every write target. {@code version} is the event's: a deletion older
   * than what the index holds is ignored, like an older write.
   */
  public boolean remove(IndexKind kind, String id, long version) throws IOException {
    boolean changed = false;
    for (String target : indices.writeTargets(kind)) {
      try {
        var response =
            client.delete(
                d -> d.index(target).id(id).version(version).versionType(VersionType.External));
        changed |= response.result() == Result.Deleted;
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
