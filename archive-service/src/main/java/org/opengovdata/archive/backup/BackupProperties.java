package org.opengovdata.archive.backup;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where backups go: {@code ARCHIVE_BACKUP_TARGETS}, comma-separated directories (e.g. a local disk
 * and a mounted remote volume). Every backup writes its bag to each of them.
 */
@ConfigurationProperties("opendata.archive.backup")
public record BackupProperties(List<Path> targets) {

  public BackupProperties {
    targets =
        targets == null
            ? List.of()
            : targets.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
  }
}
