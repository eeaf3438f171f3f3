package org.opengovdata.catalog.tabular;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns the LF that ends each CSV record into CRLF (RFC 4180), leaving LF inside a quoted cell as
 * it is; a byte-level pass, as PostgreSQL's {@code COPY} writes LF and cannot be told otherwise.
 * UTF-8 never uses the bytes of {@code "} or LF inside a multi-byte character, so bytes suffice.
 */
final class CrlfLineEnds extends FilterOutputStream {

  private static final int CHUNK = 1 << 16;

  private final byte[] buffer = new byte[CHUNK + 1];
  private int used;
  private boolean quoted;

  CrlfLineEnds(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b == '"') {
        quoted = !quoted;
      } else if (b == '\n' && !quoted) {
        buffer[used++] = '\r';
      }
      buffer[used++] = b;
      if (used >= CHUNK) {
        out.write(buffer, 0, used);
        used = 0;
      }
    }
  }

  @Override
  public void flush() throws IOException {
    if (used > 0) {
      out.write(buffer, 0, used);
      used = 0;
    }
    out.flush();
  }
}
