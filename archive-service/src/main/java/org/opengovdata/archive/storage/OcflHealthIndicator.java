package org.opengovdata.archive.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness contribution: the storage root carries its OCFL declaration and is writable. A root
 * that vanished (unmounted volume) or turned read-only makes the archive not ready.
 */
class OcflHealthIndicator extends AbstractHealthIndicator {

  private static final String NAMASTE = "0=ocfl_1.1";

  private final Path root;

  OcflHealthIndicator(Path root) {
    super("OCFL storage root is not usable");
    this.root = root;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean declared = Files.isRegularFile(root.resolve(NAMASTE));
    boolean writable = Files.isWritable(root);
    builder
        .status(declared && writable ? "UP" : "DOWN")
        .withDetail("ocflDeclaration", declared)
        .withDetail("writable", writable);
  }
}
