package org.opengovdata.catalog.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The spec bounds every string, dates included ({@code format: date, maxLength: 10}, the OWASP
 * string-limit rule); the generator turns that into {@code @Size} on a {@link LocalDate}, which
 * Bean Validation has no validator for. A parsed date always fits, so this accepts it. Registered
 * through {@code META-INF/services/jakarta.validation.ConstraintValidator}.
 */
public class DateSizeValidator implements ConstraintValidator<Size, LocalDate> {

  @Override
  public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
    return true;
  }
}
