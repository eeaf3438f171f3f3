package org.opengovdata.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opengovdata.catalog.api.model.BudgetTypeDto;
import org.opengovdata.catalog.api.model.GroupByDto;
import org.opengovdata.catalog.api.model.ThemeDto;

class GeneratedEnumConverterFactoryTest {

  private final GeneratedEnumConverterFactory factory = new GeneratedEnumConverterFactory();

  @Test
  void bindsTheSpecValuesOfGeneratedEnums() {
    assertThat(factory.getConverter(ThemeDto.class).convert("fiscal")).isEqualTo(ThemeDto.FISCAL);
    assertThat(factory.getConverter(GroupByDto.class).convert("budgetType"))
        .isEqualTo(GroupByDto.BUDGET_TYPE);
    assertThat(factory.getConverter(BudgetTypeDto.class).convert("GENERAL_PUBLIC"))
        .isEqualTo(BudgetTypeDto.GENERAL_PUBLIC);
    assertThat(factory.getConverter(ThemeDto.class).convert("")).isNull();
  }

  @Test
  void rejectsOtherValues() {
    assertThatThrownBy(() -> factory.getConverter(ThemeDto.class).convert("FISCAL"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
