package org.opengovdata.common.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a publisher's key may write (OWASP API1, object-level authorisation): the regions and the
 * datasets named on the key. An empty set means "not restricted on that axis" — keys created
 * without a scope (admins, the platform's own publishers) write everywhere.
 *
 * <p>A region code covers its subregions (GB/T 2260): {@code 150000} covers the whole of Inner
 * Mongolia, {@code 150600} (鄂尔多斯市) covers {@code 150602}, {@code 150603}, … but not {@code 150700}.
 *
 * @param regions region codes the key may write for; empty = any region
 * @param datasets dataset ids the key may write to; empty = any dataset
 */
public record KeyScope(Set<String> regions, Set<String> datasets) {

  public static final KeyScope UNRESTRICTED = new KeyScope(Set.of(), Set.of());

  public KeyScope {
    regions = regions == null ? Set.of() : Set.copyOf(new TreeSet<>(regions));
    datasets = datasets == null ? Set.of() : Set.copyOf(new TreeSet<>(datasets));
  }

  public static KeyScope of(Collection<String> regions, Collection<String> datasets) {
    return new KeyScope(
        regions == null ? Set.of() : Set.copyOf(regions),
        datasets == null ? Set.of() : Set.copyOf(datasets));
  }

  public boolean unrestricted() {
    return regions.isEmpty() && datasets.isEmpty();
  }

  /** Whether this key may write data of {@code regionCode} (a 6-digit GB/T 2260 code). */
  public boolean coversRegion(String regionCode) {
    if (regions.isEmpty()) {
      return true;
    }
    if (regionCode == null) {
      return false;
    }
    return regions.stream().anyMatch(scope -> regionCode.startsWith(significantPrefix(scope)));
  }

  /** Whether this key may write to dataset {@code datasetId}. */
  public boolean coversDataset(String datasetId) {
    return datasets.isEmpty() || datasets.contains(datasetId);
  }

  /** The scope's regions in a stable order, for claims and messages. */
  public List<String> sortedRegions() {
    return List.copyOf(new TreeSet<>(regions));
  }

  public List<String> sortedDatasets() {
    return List.copyOf(new TreeSet<>(datasets));
  }

  /** {@code 150000} → {@code 15}, {@code 150600} → {@code 1506}, {@code 150602} unchanged. */
  static String significantPrefix(String code) {
    String prefix = code;
    while (prefix.length() > 2 && prefix.endsWith("00")) {
      prefix = prefix.substring(0, prefix.length() - 2);
    }
    return prefix;
  }
}
