package org.opengovdata.catalog.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * 公文种类: the 15 types of the 党政机关公文处理工作条例 (2012), and the categories 规范性文件 and 政府规章. Stored and
 * served by their Chinese names.
 */
public enum DocumentType {
  RESOLUTION("决议"),
  DECISION("决定"),
  ORDER("命令"),
  COMMUNIQUE("公报"),
  ANNOUNCEMENT("公告"),
  PUBLIC_NOTICE("通告"),
  OPINION("意见"),
  NOTICE("通知"),
  CIRCULAR("通报"),
  REPORT("报告"),
  REQUEST("请示"),
  REPLY("批复"),
  MOTION("议案"),
  LETTER("函"),
  MINUTES("纪要"),
  NORMATIVE_DOCUMENT("规范性文件"),
  GOVERNMENT_RULES("政府规章");

  private final String label;

  DocumentType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** By Chinese name; {@code 令} is the short form of 命令. */
  public static Optional<DocumentType> fromLabel(String label) {
    if ("令".equals(label)) {
      return Optional.of(ORDER);
    }
    return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
  }
}
