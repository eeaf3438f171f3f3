package org.opengovdata.catalog.policy.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;
import org.springframework.stereotype.Component;

/**
 * Policy attachments on disk, content-addressed: an upload is streamed to a temporary file while
 * its SHA-256 is computed (constant memory, at most {@code maxSize}), its type is detected from the
 * content, its text extracted with Apache Tika, and it is moved atomically to {@code <root>/<first
 * two hex digits>/<sha256>} — a crash leaves at most a temporary file, never a half attachment
 * under its digest. Identical files are stored once.
 */
@Component
public class AttachmentStore {

  /** PDF, DOCX and plain text (the issue); anything else is a 415. */
  static final Set<String> ACCEPTED =
      Set.of(
          "application/pdf",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "text/plain");

  private final AttachmentProperties properties;
  private final Tika tika;

  AttachmentStore(AttachmentProperties properties) {
    this.properties = properties;
    this.tika = new Tika();
    this.tika.setMaxStringLength(properties.maxExtractedChars());
  }

  /**
   * Stores {@code content} and extracts its text.
   *
   * @throws ApiException 413 when larger than allowed, 415 when not PDF, DOCX or text
   */
  public StoredFile store(InputStream content, String fileName) {
    try {
      Files.createDirectories(properties.root());
      Path temporary = Files.createTempFile(properties.root(), "upload-", ".part");
      try {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long size = copyLimited(content, temporary, sha256);
        String digest = HexFormat.of().formatHex(sha256.digest());
        String mediaType = detect(temporary, fileName);
        String text = extract(temporary, fileName);
        Path target = pathOf(digest);
        Files.createDirectories(target.getParent());
        if (!Files.exists(target)) {
          move(temporary, target);
        }
        return new StoredFile(digest, size, mediaType, text);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored content of {@code sha256}, for streaming out. */
  public InputStream open(String sha256) {
    try {
      return Files.newInputStream(pathOf(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path pathOf(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    return properties.root().resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  private long copyLimited(InputStream in, Path to, MessageDigest digest) throws IOException {
    long limit = properties.maxSize().toBytes();
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(to), digest)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (total > limit) {
          throw new ApiException(
              ProblemType.PAYLOAD_TOO_LARGE,
              "An attachment may have at most %d MB."
                  .formatted(properties.maxSize().toMegabytes()));
        }
        out.write(buffer, 0, n);
      }
    }
    return total;
  }

  private String detect(Path file, String fileName) throws IOException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try (InputStream in = Files.newInputStream(file)) {
      String type = tika.detect(in, metadata);
      if (!ACCEPTED.contains(type)) {
        throw new ApiException(
            ProblemType.UNSUPPORTED_MEDIA_TYPE,
            "'%s' is %s; attachments must be PDF, DOCX or plain text.".formatted(fileName, type));
      }
      return type;
    }
  }

  private String extract(Path file, String fileName) throws IOException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try (InputStream in = Files.newInputStream(file)) {
      return tika.parseToString(in, metadata).strip();
    } catch (TikaException e) {
      throw new ApiException(
          ProblemType.UNPROCESSABLE,
          "The text of '%s' cannot be read (%s); it cannot be screened for personal data."
              .formatted(fileName, e.getMessage()));
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
