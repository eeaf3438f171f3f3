package org.opengovdata.catalog.fiscal;

import java.util.Optional;

/** 收入 (revenue) or 支出 (expenditure). */
public enum Direction {
  REVENUE("收入"),
  EXPENDITURE("支出");

  private final String zh;

  Direction(String zh) {
    this.zh = zh;
  }

  public String zh() {
    return zh;
  }

  public static Optional<Direction> parse(String text) {
    for (Direction direction : values()) {
      if (direction.name().equals(text) || direction.zh.equals(text)) {
        return Optional.of(direction);
      }
    }
    return Optional.empty();
  }
}
