package org.opengovdata.catalog.fiscal;

import java.util.Optional;
import org.opengovdata.catalog.reference.ChineseNamed;

/** 收入 (revenue) or 支出 (expenditure). */
public enum Direction implements ChineseNamed {
  REVENUE("收入"),
  EXPENDITURE("支出");

  private final String zh;

  Direction(String zh) {
    this.zh = zh;
  }

  @Override
  public String zh() {
    return zh;
  }

  public static Optional<Direction> parse(String text) {
    return ChineseNamed.parse(Direction.class, text);
  }
}
