package org.opengovdata.archive.content;

import io.ocfl.api.exception.FixityCheckException;
import io.ocfl.api.io.FixityCheckInputStream;
import io.ocfl.api.model.OcflObjectVersionFile;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Optional;
import org.opengovdata.archive.audit.AuditLog;
import org.opengovdata.archive.record.ArchiveRecord;
import org.opengovdata.archive.record.IntegrityFailure;
import org.opengovdata.archive.storage.OcflStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Opens stored content so that corrupt bytes are never served. The whole file is read and checked
 * against its inventory digest <em>before the first byte is sent</em>:
 *
 * <ul>
 *   <li>up to {@value #IN_MEMORY_LIMIT} bytes it is read once into memory, checked and sent from
 *       there (one read);
 *   <li>a larger file is read twice — once to check, then again to send, streamed in constant
 *       memory. The second pass checks again and, should the file have changed in between, breaks
 *       the chunked response off before its end, so a client can never take it for complete.
 * </ul>
 *
 * The cost is one extra sequential read of a large file before the first byte (time to first byte
 * grows with the file size; throughput is bounded by the digest rate), paid on every large read —
 * the price of never sending bytes that fail their digest. A mismatch is logged as an error and
 * recorded in the audit log (the alert), and answered with a 500 {@code integrity-failure} problem.
 */
@Component
class VerifiedContent {

  private static final Logger log = LoggerFactory.getLogger(VerifiedContent.class);
  static final int IN_MEMORY_LIMIT = 8 * 1024 * 1024;

  private final OcflStore store;
  private final AuditLog audit;

  VerifiedContent(OcflStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  /** A verified file: its bytes (as a resource), and whether its length is known up front. */
  record Verified(Resource body, Long length) {}

  Optional<OcflObjectVersionFile> file(ArchiveRecord record, int version, String path) {
    return store.file(record.objectId(), version, path);
  }

  Verified open(ArchiveRecord record, int version, OcflObjectVersionFile file) {
    try {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      boolean complete;
      try (FixityCheckInputStream in = file.getStream()) {
        complete = copyUpTo(in, head, IN_MEMORY_LIMIT);
        if (!complete) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        in.checkFixity();
      }
      if (complete) {
        byte[] bytes = head.toByteArray();
        return new Verified(new ByteArrayResource(bytes), (long) bytes.length);
      }
      return new Verified(
          new InputStreamResource(
              new CheckedAtEnd(file.getStream(), () -> alert(record, version, file.getPath()))),
          null);
    } catch (FixityCheckException e) {
      throw alert(record, version, file.getPath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.getPath(), e);
    }
  }

  /** Reads the whole (small) file verified, for diffs; empty when larger than {@code limit}. */
  Optional<byte[]> readSmall(
      ArchiveRecord record, int version, OcflObjectVersionFile file, int limit) {
    try (FixityCheckInputStream in = file.getStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!copyUpTo(in, out, limit)) {
        return Optional.empty();
      }
      in.checkFixity();
      return Optional.of(out.toByteArray());
    } catch (FixityCheckException e) {
      throw alert(record, version, file.getPath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.getPath(), e);
    }
  }

  private RuntimeException alert(ArchiveRecord record, int version, String path) {
    log.error(
        "INTEGRITY ALERT: {} v{} {} (object {}) does not match its recorded digest; not served",
        record.id(),
        version,
        path,
        record.objectId());
    try {
      audit.recordSystem(
          "integrity.failure",
          record.id(),
          "v%d %s: digest mismatch, not served".formatted(version, path));
    } catch (RuntimeException e) {
      log.error("could not record the integrity failure in the audit log", e);
    }
    return IntegrityFailure.digestMismatch(record, version, path);
  }

  /** Copies at most {@code limit} bytes; true when the stream ended within them. */
  private static boolean copyUpTo(InputStream in, ByteArrayOutputStream out, int limit)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    int total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      out.write(buffer, 0, n);
      total += n;
      if (total > limit) {
        return false;
      }
    }
    return true;
  }

  /** Hex digest to the RFC 9530 / RFC 8941 byte sequence form. */
  static String contentDigest(String algorithm, String hexDigest) {
    String name = algorithm.equals("sha256") ? "sha-256" : "sha-512";
    return name
        + "=:"
        + java.util.Base64.getEncoder()
            .encodeToString(HexFormat.of().parseHex(hexDigest.toLowerCase()))
        + ":";
  }

  /** The second pass over a large file: a digest mismatch at the end breaks the response off. */
  private static final class CheckedAtEnd extends FilterInputStream {

    private final java.util.function.Supplier<RuntimeException> onMismatch;
    private boolean checked;

    CheckedAtEnd(
        FixityCheckInputStream in, java.util.function.Supplier<RuntimeException> onMismatch) {
      super(in);
      this.onMismatch = onMismatch;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b == -1) {
        verify();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n == -1) {
        verify();
      }
      return n;
    }

    private void verify() throws IOException {
      if (!checked) {
        checked = true;
        try {
          ((FixityCheckInputStream) in).checkFixity();
        } catch (FixityCheckException e) {
          RuntimeException alert = onMismatch.get();
          throw new IOException(alert.getMessage(), e);
        }
      }
    }
  }
}
