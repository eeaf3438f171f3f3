package org.opengovdata.catalog.reference;

/** An administrative division (GB/T 2260): 自治区, 盟/市 or 旗/县/区. */
public record Region(String code, String name, Level level, String parentCode) {

  /** province 自治区, prefecture 盟/市, county 旗/县/区 (and development zones). */
  public enum Level {
    PROVINCE,
    PREFECTURE,
    COUNTY;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Level fromCode(String code) {
      return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
