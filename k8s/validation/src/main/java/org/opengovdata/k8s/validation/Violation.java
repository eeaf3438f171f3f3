package org.opengovdata.k8s.validation;

/**
 * A reason the overlay must not be deployed.
 *
 * @param rule the check that found it: {@code schema}, or a policy's name
 * @param path where in the object, JSON-pointer style
 */
record Violation(Manifest manifest, String rule, String path, String message) {

  @Override
  public String toString() {
    return "%s: %s %s: [%s] %s".formatted(manifest.source(), manifest.id(), path, rule, message);
  }
}
