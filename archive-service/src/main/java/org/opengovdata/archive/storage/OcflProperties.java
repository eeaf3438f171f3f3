package org.opengovdata.archive.storage;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OCFL storage root — the archive's source of truth — and the work directory where ocfl-java
 * stages a version before moving it into place (on the filesystem backend it must be on the same
 * file system as the root for that move to be atomic; on S3 it is local scratch space).
 *
 * @param backend where the storage root lives: {@code filesystem} ({@code ARCHIVE_OCFL_ROOT}), or
 *     {@code s3} (ocfl-java-aws, a bucket shared by a cluster: {@link S3})
 * @param root the storage root directory of the {@code filesystem} backend; with {@code s3} only
 *     the base of the default work directory
 * @param workDir staging directory (default: {@code <root>-work} beside the root)
 * @param s3 the bucket of the {@code s3} backend
 */
@Validated
@ConfigurationProperties("opendata.archive.ocfl")
public record OcflProperties(
    @DefaultValue("filesystem") @NotNull Backend backend,
    @NotNull Path root,
    Path workDir,
    @DefaultValue S3 s3) {

  public enum Backend {
    FILESYSTEM,
    S3
  }

  public Path effectiveWorkDir() {
    return workDir != null ? workDir : root.resolveSibling(root.getFileName() + "-work");
  }

  /**
   * The S3 (or S3-compatible) bucket of the {@code s3} backend. Credentials come from the AWS SDK's
   * default chain (environment {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, web
   * identity token, instance profile, ...).
   *
   * @param endpoint the S3 endpoint; empty = AWS's own endpoint for the region
   * @param region the signing region
   * @param bucket the bucket (must exist)
   * @param prefix the key prefix under which the storage root lives; empty = the bucket's root
   * @param pathStyle path-style requests ({@code endpoint/bucket/key}), which most S3-compatible
   *     servers need
   */
  public record S3(
      URI endpoint,
      @DefaultValue("us-east-1") String region,
      String bucket,
      @DefaultValue("") String prefix,
      @DefaultValue("false") boolean pathStyle) {}
}
