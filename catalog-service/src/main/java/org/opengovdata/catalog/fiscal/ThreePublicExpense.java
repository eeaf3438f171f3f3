package org.opengovdata.catalog.fiscal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * 三公经费 of one government's 本级 departments in one year and stage, in 万元: 因公出国（境）费, 公务用车购置费,
 * 公务用车运行维护费, 公务接待费.
 */
record ThreePublicExpense(
    int year,
    String regionCode,
    String regionName,
    Stage stage,
    BigDecimal overseasTravel,
    BigDecimal vehiclePurchase,
    BigDecimal vehicleOperation,
    BigDecimal officialReception,
    OffsetDateTime modified) {

  BigDecimal total() {
    return overseasTravel.add(vehiclePurchase).add(vehicleOperation).add(officialReception);
  }
}
