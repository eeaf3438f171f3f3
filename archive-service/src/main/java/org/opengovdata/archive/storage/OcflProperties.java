package org.opengovdata.archive.storage;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The OCFL storage root ({@code ARCHIVE_OCFL_ROOT}) — the archive's source of truth — and the work
 * directory where ocfl-java stages a version before moving it into place atomically. The work
 * directory must be on the same file system as the root for that move to be atomic.
 */
@Validated
@ConfigurationProperties("opendata.archive.ocfl")
public record OcflProperties(@NotNull Path root, Path workDir) {

  public Path effectiveWorkDir() {
    return workDir != null ? workDir : root.resolveSibling(root.getFileName() + "-work");
  }
}
