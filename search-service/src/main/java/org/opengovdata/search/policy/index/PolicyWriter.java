package org.opengovdata.search.policy.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import java.io.IOException;
import org.opengovdata.search.index.ElasticsearchErrors;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.policy.source.Policy;
import org.springframework.stereotype.Component;

/**
 * Writes single policies into the index, idempotently: the catalog's version is the Elasticsearch
 * {@code external} version, so a write only lands when it is newer than what the index holds. A
 * replayed or late event therefore never brings back an older state (a 409 means "already newer"
 * and counts as done).
 */
@Component
public class PolicyWriter {

  private final ElasticsearchClient client;
  private final SearchIndices indices;
  private final PolicyDocuments documents;

  public PolicyWriter(
      ElasticsearchClient client, SearchIndices indices, PolicyDocuments documents) {
    this.client = client;
    this.indices = indices;
    this.documents = documents;
  }

  /**
   * Indexes the policy's current state in the live index (and the one being rebuilt).
   *
   * @return whether the write changed the index (false: it already held this version or newer)
   */
  public boolean write(Policy policy) throws IOException {
    PolicyDocument document = documents.toDocument(policy);
    boolean changed = false;
    String alias = indices.alias(IndexKind.POLICIES);
    for (String target : indices.writeTargets(IndexKind.POLICIES)) {
      try {
        client.index(
            i ->
                i.index(target)
                    // never let a write create a stray index when the alias is missing
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

  /**
   * Removes a policy that is no longer published. {@code version} is the event's: a deletion older
   * than what the index holds is ignored, like an older write.
   */
  public boolean remove(String id, long version) throws IOException {
    boolean changed = false;
    for (String target : indices.writeTargets(IndexKind.POLICIES)) {
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
