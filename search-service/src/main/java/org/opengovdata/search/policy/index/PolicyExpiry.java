package org.opengovdata.search.policy.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opengovdata.search.cache.QueryCache;
import org.opengovdata.search.index.IndexKind;
import org.opengovdata.search.index.SearchIndices;
import org.opengovdata.search.policy.source.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks documents 失效 (expired) whose expiry date has come, without waiting for an event: the
 * catalog computes validity for the day it is asked, but sends no event when a date passes. Runs
 * shortly after start-up and then every {@code opendata.search.expiry.interval} (1 h): it finds the
 * documents still valid in the index with an expiry date on or before today and rewrites them with
 * {@code EXPIRED} under <em>the same</em> external version ({@code external_gte}), so that the next
 * catalog version still lands and a newer one already written is never overwritten (409, skipped).
 */
@Component
public class PolicyExpiry {

  private static final Logger log = LoggerFactory.getLogger(PolicyExpiry.class);
  private static final int BATCH = 500;

  private final ElasticsearchClient client;
  private final SearchIndices indices;
  private final QueryCache cache;
  private final PolicyClock clock;

  public PolicyExpiry(
      ElasticsearchClient client, SearchIndices indices, QueryCache cache, PolicyClock clock) {
    this.client = client;
    this.indices = indices;
    this.cache = cache;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${opendata.search.expiry.initial-delay:PT30S}",
      fixedDelayString = "${opendata.search.expiry.interval:PT1H}")
  void expireToday() {
    try {
      int expired = expireAsOf(clock.today());
      if (expired > 0) {
        log.info("{} documents expired on {}", expired, clock.today());
      }
    } catch (IOException | RuntimeException e) {
      // the next run catches up; expiry has no deadline tighter than the interval
      log.warn("could not mark expired documents: {}", e.getMessage());
    }
  }

  /**
   * Marks every document valid in the index whose expiry date is on or before {@code day}.
   *
   * @return how many documents changed
   */
  public int expireAsOf(LocalDate day) throws IOException {
    String alias = indices.alias(IndexKind.POLICIES);
    // an hourly job: one refresh first, so that documents written a moment ago are seen too
    client.indices().refresh(r -> r.index(alias));
    int changed = 0;
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> from = after;
      SearchResponse<PolicyDocument> page =
          client.search(
              s -> {
                s.index(alias)
                    .size(BATCH)
                    .version(true)
                    .trackTotalHits(t -> t.enabled(false))
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.filter(
                                            f ->
                                                f.term(
                                                    t ->
                                                        t.field("validity")
                                                            .value(Policy.Validity.VALID.name())))
                                        .filter(
                                            f ->
                                                f.range(
                                                    r ->
                                                        r.date(
                                                            d ->
                                                                d.field("expiryDate")
                                                                    .lte(day.toString()))))))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                if (from != null) {
                  s.searchAfter(from);
                }
                return s;
              },
              PolicyDocument.class);
      List<Hit<PolicyDocument>> hits = page.hits().hits();
      if (hits.isEmpty()) {
        break;
      }
      changed += markExpired(hits);
      after = hits.get(hits.size() - 1).sort();
      if (hits.size() < BATCH) {
        break;
      }
    }
    if (changed > 0) {
      cache.invalidate();
    }
    return changed;
  }

  private int markExpired(List<Hit<PolicyDocument>> hits) throws IOException {
    String alias = indices.alias(IndexKind.POLICIES);
    List<BulkOperation> operations = new ArrayList<>();
    for (String target : indices.writeTargets(IndexKind.POLICIES)) {
      for (Hit<PolicyDocument> hit : hits) {
        PolicyDocument expired = hit.source().withValidity(Policy.Validity.EXPIRED.name());
        operations.add(
            BulkOperation.of(
                op ->
                    op.index(
                        i ->
                            i.index(target)
                                .requireAlias(target.equals(alias))
                                .id(hit.id())
                                .version(hit.version())
                                .versionType(VersionType.ExternalGte)
                                .document(expired))));
      }
    }
    BulkResponse response = client.bulk(b -> b.operations(operations));
    // visible before the next page is read and before the cache is invalidated (an explicit
    // refresh of the alias: wait_for would never return for an index being rebuilt, refresh off)
    indices.refresh();
    int changed = 0;
    for (int i = 0; i < response.items().size(); i++) {
      BulkResponseItem item = response.items().get(i);
      if (item.error() == null) {
        // the first targets' items are the live index's (writeTargets lists the alias first)
        changed += i < hits.size() ? 1 : 0;
      } else if (item.status() != 409) {
        log.warn("could not mark {} expired: {}", item.id(), item.error().reason());
      }
    }
    return changed;
  }
}
