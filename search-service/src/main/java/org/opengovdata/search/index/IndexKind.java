package org.opengovdata.search.index;

/**
 * The service's two indices. Each is an alias ({@code policies}) over a versioned index ({@code
 * policies-v3}) whose settings and mapping live in {@code elasticsearch/<name>.json}; a rebuild
 * creates the next version and moves the alias.
 */
public enum IndexKind {
  POLICIES("policies"),
  DATASETS("datasets");

  private final String baseName;

  IndexKind(String baseName) {
    this.baseName = baseName;
  }

  public String baseName() {
    return baseName;
  }

  String mappingResource() {
    return "elasticsearch/" + baseName + ".json";
  }

  public static IndexKind fromName(String name) {
    for (IndexKind kind : values()) {
      if (kind.baseName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown index " + name);
  }
}
