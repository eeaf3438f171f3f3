package org.opengovdata.archive.storage;

import io.ocfl.aws.OcflS3Client;
import io.ocfl.core.storage.cloud.CloudStorage;
import io.ocfl.core.storage.common.Storage;
import io.ocfl.core.storage.filesystem.FileSystemStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3CrtAsyncClientBuilder;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * The {@link Storage} under the OCFL storage root, with whatever it holds open (the S3 clients), so
 * that closing the backend releases all of it in order.
 */
final class OcflBackend implements AutoCloseable {

  private final Storage storage;
  private final List<AutoCloseable> resources; // closed in reverse order of opening
  private final boolean shared;

  private OcflBackend(Storage storage, List<AutoCloseable> resources, boolean shared) {
    this.storage = storage;
    this.resources = resources;
    this.shared = shared;
  }

  static OcflBackend open(OcflProperties properties) throws IOException {
    return switch (properties.backend()) {
      case FILESYSTEM -> {
        Files.createDirectories(properties.root());
        yield new OcflBackend(new FileSystemStorage(properties.root()), List.of(), false);
      }
      case S3 -> openS3(properties.s3());
    };
  }

  /**
   * ocfl-java-aws moves files with the S3 transfer manager, which needs the CRT-based async client
   * for multipart uploads of large files (ocfl-java's docs: "crucial"); the transfer manager is
   * created here rather than by {@link OcflS3Client} so that its lifetime is ours.
   */
  private static OcflBackend openS3(OcflProperties.S3 s3) {
    if (s3.bucket() == null || s3.bucket().isBlank()) {
      throw new IllegalStateException(
          "opendata.archive.ocfl.backend=s3 needs a bucket: set ARCHIVE_S3_BUCKET");
    }
    List<AutoCloseable> resources = new ArrayList<>();
    S3CrtAsyncClientBuilder builder =
        S3AsyncClient.crtBuilder()
            .region(Region.of(s3.region()))
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            .forcePathStyle(s3.pathStyle());
    if (s3.endpoint() != null && !s3.endpoint().toString().isBlank()) {
      builder.endpointOverride(s3.endpoint());
    }
    S3AsyncClient client = builder.build();
    resources.add(client);
    S3TransferManager transfers = S3TransferManager.builder().s3Client(client).build();
    resources.add(transfers);
    OcflS3Client cloud =
        OcflS3Client.builder()
            .s3Client(client)
            .transferManager(transfers)
            .bucket(s3.bucket())
            .repoPrefix(s3.prefix() == null ? "" : s3.prefix())
            .build();
    return new OcflBackend(new CloudStorage(cloud), resources, true);
  }

  Storage storage() {
    return storage;
  }

  /** Whether other processes may write to the same storage root (S3): then locks are in the DB. */
  boolean shared() {
    return shared;
  }

  @Override
  public void close() throws Exception {
    Exception failure = null;
    try {
      storage.close();
    } catch (RuntimeException e) {
      failure = e;
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
