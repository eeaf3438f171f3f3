package org.opengovdata.catalog.tabular;

/** The {@code meta.dataTypes} vocabulary of list answers. */
public enum DataType {
  STRING("string"),
  INTEGER("integer"),
  DECIMAL("decimal"),
  BOOLEAN("boolean"),
  DATE("date"),
  DATE_TIME("date-time");

  private final String code;

  DataType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
