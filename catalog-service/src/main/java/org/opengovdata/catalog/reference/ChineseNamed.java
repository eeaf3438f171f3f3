package org.opengovdata.catalog.reference;

import java.util.Optional;

/** A code that CSV files may also give by its Chinese name (一般公共预算, 决算, 支出, 初步…). */
public interface ChineseNamed {

  String name();

  String zh();

  /** The constant whose code ({@code FINAL}) or Chinese name ({@code 决算}) is {@code text}. */
  static <E extends Enum<E> & ChineseNamed> Optional<E> parse(Class<E> type, String text) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text) || constant.zh().equals(text)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
