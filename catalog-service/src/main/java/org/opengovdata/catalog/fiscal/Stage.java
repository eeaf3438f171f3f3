package org.opengovdata.catalog.fiscal;

import java.util.Optional;
import org.opengovdata.catalog.reference.ChineseNamed;

/** Stage of a budget figure: 预算 (as passed), 调整预算 (as adjusted), 决算 (final accounts). */
public enum Stage implements ChineseNamed {
  BUDGET("预算"),
  ADJUSTED("调整预算"),
  FINAL("决算");

  private final String zh;

  Stage(String zh) {
    this.zh = zh;
  }

  @Override
  public String zh() {
    return zh;
  }

  public static Optional<Stage> parse(String text) {
    return ChineseNamed.parse(Stage.class, text);
  }
}
