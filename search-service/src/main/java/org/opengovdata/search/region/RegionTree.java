package org.opengovdata.search.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The administrative divisions of 内蒙古自治区 (GB/T 2260, {@code reference/regions-150000.csv}, copied
 * with its attribution line from the shared reference data): a document of a 旗/县/区 is indexed under
 * its own code and every code above it, so that a search for its 盟/市 or for 150000 finds it.
 */
@Component
public class RegionTree {

  static final String RESOURCE = "reference/regions-150000.csv";

  /** One division: code, Chinese name, level, and the code of the division above it. */
  public record Region(String code, String name, String level, String parentCode) {}

  private final Map<String, Region> regions;

  public RegionTree() {
    this.regions = Collections.unmodifiableMap(load());
  }

  public Optional<Region> find(String code) {
    return Optional.ofNullable(regions.get(code));
  }

  public boolean contains(String code) {
    return regions.containsKey(code);
  }

  /** The code itself followed by its ancestors up to 150000; an unknown code is alone. */
  public List<String> lineage(String code) {
    List<String> path = new ArrayList<>();
    String current = code;
    while (current != null && !current.isEmpty() && path.size() < 8) {
      path.add(current);
      Region region = regions.get(current);
      current = region == null ? null : region.parentCode();
    }
    return path;
  }

  public Optional<String> nameOf(String code) {
    return find(code).map(Region::name);
  }

  private static Map<String, Region> load() {
    Map<String, Region> result = new LinkedHashMap<>();
    try (InputStream in = RegionTree.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] cells = line.split(",", -1);
        result.put(cells[0], new Region(cells[0], cells[1], cells[2], cells[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }
}
