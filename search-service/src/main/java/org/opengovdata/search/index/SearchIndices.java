package org.opengovdata.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Aliases and versioned indices: creates a missing index at start-up, builds the next version for a
 * rebuild, switches the alias atomically, and tells writers which indices a change must reach (the
 * alias, and while a rebuild runs, the index being built).
 */
@Component
public class SearchIndices {

  private static final Logger log = LoggerFactory.getLogger(SearchIndices.class);

  private final ElasticsearchClient client;
  private final IndexProperties properties;
  private final Map<IndexKind, String> building = new ConcurrentHashMap<>();
  private final Map<IndexKind, Integer> mappingVersions = new EnumMap<>(IndexKind.class);

  public SearchIndices(ElasticsearchClient client, IndexProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  /** The alias searches read, e.g. {@code policies} (with the configured prefix). */
  public String alias(IndexKind kind) {
    return properties.prefix() + kind.baseName();
  }

  /** Where a change must be written: the alias, plus the index a rebuild is filling. */
  public List<String> writeTargets(IndexKind kind) {
    String next = building.get(kind);
    return next == null ? List.of(alias(kind)) : List.of(alias(kind), next);
  }

  /** Creates version 1 with the alias when the alias does not exist yet. */
  public void ensure(IndexKind kind) throws IOException {
    if (currentIndex(kind).isPresent()) {
      warnIfMappingIsOld(kind);
      return;
    }
    String index = createNextVersion(kind);
    try {
      client
          .indices()
          .updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias(kind)))));
      log.info("created index {} behind alias {}", index, alias(kind));
    } catch (ElasticsearchException e) {
      log.warn("alias {} could not be added to {}: {}", alias(kind), index, e.getMessage());
      throw e;
    }
  }

  /** The index the alias points at now. */
  public Optional<String> currentIndex(IndexKind kind) throws IOException {
    if (!client.indices().existsAlias(e -> e.name(alias(kind))).value()) {
      return Optional.empty();
    }
    GetAliasResponse aliases = client.indices().getAlias(g -> g.name(alias(kind)));
    return aliases.result().keySet().stream().findFirst();
  }

  /** Creates the next {@code <alias>-vN} with the current mapping (not yet behind the alias). */
  public String createNextVersion(IndexKind kind) throws IOException {
    int next = highestVersion(kind) + 1;
    String index = alias(kind) + "-v" + next;
    try (InputStream json = mapping(kind)) {
      client.indices().create(c -> c.index(index).withJson(json));
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    }
    return index;
  }

  /** Marks an index as being built: changes are written to it too until {@link #finishBuild}. */
  public void startBuild(IndexKind kind, String index) {
    if (building.putIfAbsent(kind, index) != null) {
      throw new IllegalStateException("a rebuild of " + alias(kind) + " is already running");
    }
  }

  /** Points the alias at {@code index} in one atomic step and deletes the previous index. */
  public Optional<String> switchAlias(IndexKind kind, String index) throws IOException {
    Optional<String> previous = currentIndex(kind);
    client
        .indices()
        .updateAliases(
            u -> {
              previous.ifPresent(
                  old -> u.actions(a -> a.remove(r -> r.index(old).alias(alias(kind)))));
              return u.actions(a -> a.add(add -> add.index(index).alias(alias(kind))));
            });
    building.remove(kind, index);
    if (previous.isPresent() && !previous.get().equals(index)) {
      client.indices().delete(d -> d.index(previous.get()));
    }
    return previous;
  }

  /** Abandons a rebuild: stops writing to the index and deletes it. */
  public void abandonBuild(IndexKind kind, String index) {
    building.remove(kind, index);
    try {
      client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    } catch (IOException | ElasticsearchException e) {
      log.warn("could not delete abandoned index {}: {}", index, e.getMessage());
    }
  }

  /**
   * Makes every change acknowledged so far visible to searches of both aliases (an explicit
   * refresh, not the periodic one).
   */
  public void refresh() throws IOException {
    client
        .indices()
        .refresh(
            r ->
                r.index(alias(IndexKind.POLICIES), alias(IndexKind.DATASETS))
                    .ignoreUnavailable(true)
                    .allowNoIndices(true));
  }

  /** Deletes every index and alias of this prefix (tests and benchmarks). */
  public void deleteAll() throws IOException {
    for (IndexKind kind : IndexKind.values()) {
      // by name: Elasticsearch 8 refuses wildcard deletes (action.destructive_requires_name)
      for (var index : client.indices().resolveIndex(r -> r.name(alias(kind) + "-v*")).indices()) {
        client.indices().delete(d -> d.index(index.name()).ignoreUnavailable(true));
      }
    }
  }

  private int highestVersion(IndexKind kind) throws IOException {
    Pattern version = Pattern.compile("^" + Pattern.quote(alias(kind)) + "-v([0-9]+)$");
    int highest = 0;
    for (var index : client.indices().resolveIndex(r -> r.name(alias(kind) + "-v*")).indices()) {
      Matcher m = version.matcher(index.name());
      if (m.matches()) {
        highest = Math.max(highest, Integer.parseInt(m.group(1)));
      }
    }
    return highest;
  }

  private void warnIfMappingIsOld(IndexKind kind) throws IOException {
    String index = currentIndex(kind).orElseThrow();
    var mapping = client.indices().getMapping(g -> g.index(index)).result().get(index);
    JsonData version = mapping == null ? null : mapping.mappings().meta().get("mappingVersion");
    int current = version == null ? 0 : version.to(Integer.class);
    if (current < mappingVersion(kind)) {
      log.warn(
          "index {} has mapping version {}, this build writes version {}: run POST"
              + " /api/v1/search/admin/reindex?index={}",
          index,
          current,
          mappingVersion(kind),
          kind.baseName());
    }
  }

  private synchronized int mappingVersion(IndexKind kind) {
    return mappingVersions.computeIfAbsent(
        kind,
        k -> {
          try (InputStream in = mapping(k)) {
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\"mappingVersion\"\\s*:\\s*([0-9]+)").matcher(json);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static InputStream mapping(IndexKind kind) {
    InputStream in =
        SearchIndices.class.getClassLoader().getResourceAsStream(kind.mappingResource());
    if (in == null) {
      throw new IllegalStateException(kind.mappingResource() + " is missing");
    }
    return in;
  }
}
