package org.opengovdata.archive.storage;

import io.ocfl.core.storage.common.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness contribution: the storage root carries its OCFL declaration and (filesystem) is
 * writable. A root that vanished (unmounted volume, unreachable bucket) or turned read-only makes
 * the archive not ready.
 */
class OcflHealthIndicator extends AbstractHealthIndicator {

  private static final String NAMASTE = "0=ocfl_1.1";

  private final OcflProperties properties;
  private final Storage storage;

  OcflHealthIndicator(OcflProperties properties, Storage storage) {
    super("OCFL storage root is not usable");
    this.properties = properties;
    this.storage = storage;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    if (properties.backend() == OcflProperties.Backend.S3) {
      // one HEAD request; a failure (bucket gone, credentials refused) is reported as DOWN
      boolean declared = storage.fileExists(NAMASTE);
      builder
          .status(declared ? "UP" : "DOWN")
          .withDetail("backend", "s3")
          .withDetail("ocflDeclaration", declared);
      return;
    }
    Path root = properties.root();
    boolean declared = Files.isRegularFile(root.resolve(NAMASTE));
    boolean writable = Files.isWritable(root);
    builder
        .status(declared && writable ? "UP" : "DOWN")
        .withDetail("ocflDeclaration", declared)
        .withDetail("writable", writable);
  }
}
