package org.opengovdata.catalog.fiscal;

import java.util.Optional;
import org.opengovdata.catalog.reference.ChineseNamed;

/** The four budgets of a Chinese government (四本预算). */
public enum BudgetType implements ChineseNamed {
  GENERAL_PUBLIC("一般公共预算", "fiscal-general-public"),
  GOVERNMENT_FUND("政府性基金预算", "fiscal-government-fund"),
  STATE_CAPITAL("国有资本经营预算", "fiscal-state-capital"),
  SOCIAL_INSURANCE("社会保险基金预算", "fiscal-social-insurance");

  private final String zh;
  private final String datasetId;

  BudgetType(String zh, String datasetId) {
    this.zh = zh;
    this.datasetId = datasetId;
  }

  @Override
  public String zh() {
    return zh;
  }

  /** The catalogue dataset the line items of this budget belong to. */
  public String datasetId() {
    return datasetId;
  }

  /** By code ({@code GENERAL_PUBLIC}) or Chinese name ({@code 一般公共预算}). */
  public static Optional<BudgetType> parse(String text) {
    return ChineseNamed.parse(BudgetType.class, text);
  }
}
