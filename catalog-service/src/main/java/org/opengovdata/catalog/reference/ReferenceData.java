package org.opengovdata.catalog.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opengovdata.common.problem.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The code lists in memory — 121 regions and a few hundred classification codes — so that filters
 * and loads validate codes and resolve names without a query. Loaded on first use; {@link
 * #reload()} after the code lists change (the demo generator adds synthetic codes).
 */
@Component
public class ReferenceData {

  private final JdbcClient jdbc;
  private final int files;
  private volatile Snapshot snapshot;

  ReferenceData(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.files =
        ReferenceCsv.checksum(
            ReferenceCsv.REGIONS,
            ReferenceCsv.EXPENDITURE_FUNCTIONS,
            ReferenceCsv.CLASSIFICATION_DETAIL,
            ReferenceCsv.INDICATORS);
  }

  private record Snapshot(
      Map<String, Region> regions,
      Map<String, List<Region>> children,
      Map<String, Classification> classifications) {}

  public Optional<Region> region(String code) {
    return Optional.ofNullable(current().regions().get(code));
  }

  public Collection<Region> regions() {
    return current().regions().values();
  }

  /** The region and every region below it (a 盟/市 and its 旗/县/区; the 自治区 and all). */
  /**
   * The region codes a {@code region} / {@code includeSubregions} pair selects: null (all) when no
   * region is given; 400 on {@code parameter} for a code that is not a region.
   */
  public Set<String> regionsSelected(String parameter, String code, Boolean includeSubregions) {
    if (code == null) {
      return null;
    }
    requireRegion(parameter, code);
    return Boolean.TRUE.equals(includeSubregions) ? regionAndDescendants(code) : Set.of(code);
  }

  public Set<String> regionAndDescendants(String code) {
    Set<String> codes = new LinkedHashSet<>();
    collect(code, current().children(), codes);
    return codes;
  }

  /** The region, or a 400 naming {@code parameter} when the code is unknown. */
  public Region requireRegion(String parameter, String code) {
    return region(code)
        .orElseThrow(
            () ->
                ApiException.invalidParameter(
                    parameter,
                    "'%s' is not a region code of 内蒙古自治区; see /reference/regions".formatted(code)));
  }

  /** The region and the regions above it: a dataset of any of them covers the region. */
  public Set<String> regionAndAncestors(String code) {
    Set<String> codes = new LinkedHashSet<>();
    for (String c = code; c != null; c = current().regions().get(c).parentCode()) {
      codes.add(c);
    }
    return codes;
  }

  public Optional<Classification> classification(String code) {
    return Optional.ofNullable(current().classifications().get(code));
  }

  public Collection<Classification> classifications() {
    return current().classifications().values();
  }

  /**
   * Changes whenever the code lists change: they come from the reference CSV files (a new
   * deployment) plus the synthetic codes demo data may add.
   */
  public String stamp() {
    return "reference|" + files + "|" + current().classifications().size();
  }

  public void reload() {
    snapshot = load();
  }

  private static void collect(String code, Map<String, List<Region>> children, Set<String> into) {
    into.add(code);
    for (Region child : children.getOrDefault(code, List.of())) {
      collect(child.code(), children, into);
    }
  }

  private Snapshot current() {
    Snapshot current = snapshot;
    if (current == null) {
      synchronized (this) {
        if (snapshot == null) {
          snapshot = load();
        }
        current = snapshot;
      }
    }
    return current;
  }

  private Snapshot load() {
    Map<String, Region> regions = new LinkedHashMap<>();
    Map<String, List<Region>> children = new LinkedHashMap<>();
    jdbc.sql("select code, name, level, parent_code from region order by code")
        .query(
            (rs, n) ->
                new Region(
                    rs.getString("code"),
                    rs.getString("name"),
                    Region.Level.fromCode(rs.getString("level")),
                    rs.getString("parent_code")))
        .list()
        .forEach(
            region -> {
              regions.put(region.code(), region);
              if (region.parentCode() != null) {
                children.computeIfAbsent(region.parentCode(), k -> new ArrayList<>()).add(region);
              }
            });
    Map<String, Classification> classifications = new LinkedHashMap<>();
    jdbc.sql(
            "select code, name, level, parent_code, direction, synthetic from classification"
                + " order by code")
        .query(
            (rs, n) ->
                new Classification(
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getInt("level"),
                    rs.getString("parent_code"),
                    "REVENUE".equals(rs.getString("direction")),
                    rs.getBoolean("synthetic")))
        .list()
        .forEach(c -> classifications.put(c.code(), c));
    return new Snapshot(
        Collections.unmodifiableMap(regions),
        Collections.unmodifiableMap(children),
        Collections.unmodifiableMap(classifications));
  }
}
