package org.opengovdata.catalog.fiscal;

import java.util.Optional;

/** Stage of a budget figure: 预算 (as passed), 调整预算 (as adjusted), 决算 (final accounts). */
public enum Stage {
  BUDGET("预算"),
  ADJUSTED("调整预算"),
  FINAL("决算");

  private final String zh;

  Stage(String zh) {
    this.zh = zh;
  }

  public String zh() {
    return zh;
  }

  public static Optional<Stage> parse(String text) {
    for (Stage stage : values()) {
      if (stage.name().equals(text) || stage.zh.equals(text)) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }
}
