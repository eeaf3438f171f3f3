package org.opengovdata.catalog.load;

import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * An uploaded CSV file, read as a stream: at most {@link #MAX_BYTES} (the spec's {@code maxLength};
 * more is a 413), in the charset the {@code Content-Type} names (UTF-8 by default; GBK for files
 * Excel saved), a byte-order mark skipped.
 */
public final class BulkUpload {

  /** 64 MiB, as declared in the spec. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private final InputStream body;
  private final Charset charset;

  BulkUpload(InputStream body, Charset charset) {
    this.body = body;
    this.charset = charset;
  }

  public static BulkUpload of(InputStreamResource resource) {
    try {
      return new BulkUpload(resource.getInputStream(), charsetOfCurrentRequest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A reader over the body without its byte-order mark. */
  public Reader reader() {
    try {
      PushbackInputStream in = new PushbackInputStream(new Limited(body, MAX_BYTES), 3);
      byte[] head = in.readNBytes(3);
      boolean bom =
          head.length == 3
              && (head[0] & 0xFF) == 0xEF
              && (head[1] & 0xFF) == 0xBB
              && (head[2] & 0xFF) == 0xBF;
      if (!bom && head.length > 0) {
        in.unread(head);
      }
      return new InputStreamReader(in, charset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Charset charsetOfCurrentRequest() {
    HttpServletRequest request =
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    String contentType = request.getContentType();
    if (contentType == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      Charset charset = MediaType.parseMediaType(contentType).getCharset();
      return charset == null ? StandardCharsets.UTF_8 : charset;
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "Unknown charset in Content-Type '" + contentType + "'.");
    }
  }

  /** Fails the load with a 413 once more than {@code max} bytes have been read. */
  static final class Limited extends FilterInputStream {

    private final long max;
    private long read;

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > max) {
        throw new ApiException(
            ProblemType.PAYLOAD_TOO_LARGE,
            "The file is larger than %d MiB; split it into several loads."
                .formatted(max / 1024 / 1024));
      }
    }
  }
}
