package org.opengovdata.archive.storage;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OCFL storage root — the archive's source of truth — and the work directory where ocfl-java
 * stages a version before moving it into place atomically (it must be on the same file system as
 * the root for that move to be atomic).
 *
 * @param backend where the storage root lives: {@code filesystem} ({@code ARCHIVE_OCFL_ROOT}), or
 *     {@code s3} (ocfl-java-aws, for a cluster; not built yet — the switch is here so that adding
 *     it changes configuration, not the code that reads and writes records)
 * @param root the storage root directory of the {@code filesystem} backend
 * @param workDir staging directory (default: {@code <root>-work} beside the root)
 */
@Validated
@ConfigurationProperties("opendata.archive.ocfl")
public record OcflProperties(
    @DefaultValue("filesystem") @NotNull Backend backend, @NotNull Path root, Path workDir) {

  public enum Backend {
    FILESYSTEM,
    S3
  }

  public Path effectiveWorkDir() {
    return workDir != null ? workDir : root.resolveSibling(root.getFileName() + "-work");
  }
}
