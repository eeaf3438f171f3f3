package org.opengovdata.catalog.reference;

/**
 * A code of the government revenue and expenditure classification (政府收支分类科目): 类 (3 digits), 款 (5),
 * 项 (7), 目 (9). Revenue codes start with 1, expenditure codes with 2.
 */
public record Classification(
    String code, String name, int level, String parentCode, boolean revenue, boolean synthetic) {

  /** Level of a code by its length: 3 → 1 (类), 5 → 2 (款), 7 → 3 (项), 9 → 4 (目). */
  public static int levelOf(String code) {
    return (code.length() - 1) / 2;
  }

  public static String parentOf(String code) {
    return code.length() <= 3 ? null : code.substring(0, code.length() - 2);
  }

  public static boolean isRevenueCode(String code) {
    return code.startsWith("1");
  }
}
