package org.opengovdata.search.policy.index;

import java.io.IOException;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.index.VersionedWrites;
import org.opengovdata.search.policy.source.Policy;
import org.springframework.stereotype.Component;

/**
 * Writes single policies into the index, idempotently: the catalog's version is the Elasticsearch
 * {@code external} version ({@link VersionedWrites}), so a replayed or late event never brings back
 * an older state.
 */
@Component
public class PolicyWriter {

  private final VersionedWrites writes;
  private final SearchIndices indices;
  private final PolicyDocuments documents;

  public PolicyWriter(VersionedWrites writes, SearchIndices indices, PolicyDocuments documents) {
    this.writes = writes;
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
    return writes.write(
        IndexKind.POLICIES,
        indices.writeTargets(IndexKind.POLICIES),
        document.id(),
        document.version(),
        document);
  }

  /** Removes a policy that is no longer published (older than the indexed version: ignored). */
  public boolean remove(String id, long version) throws IOException {
    return writes.remove(IndexKind.POLICIES, id, version);
  }
}
