package org.opengovdata.catalog.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * Binds query parameters to the enums generated from the spec by their spec value ({@code
 * theme=fiscal}, {@code groupBy=budgetType}) through the generated {@code fromValue}, where
 * Spring's default would expect the Java constant name ({@code FISCAL}). An unknown value stays a
 * conversion failure, which the problem handler turns into a 400 naming the parameter.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class GeneratedEnumConverterFactory implements ConverterFactory<String, Enum> {

  @Override
  public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
    Method fromValue = fromValue(targetType);
    return source -> {
      String value = source.trim();
      if (value.isEmpty()) {
        return null;
      }
      if (fromValue == null) {
        return (T) Enum.valueOf(targetType, value);
      }
      try {
        return (T) fromValue.invoke(null, value);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalArgumentException(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static Method fromValue(Class<?> type) {
    try {
      Method method = type.getMethod("fromValue", String.class);
      return java.lang.reflect.Modifier.isStatic(method.getModifiers()) ? method : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
