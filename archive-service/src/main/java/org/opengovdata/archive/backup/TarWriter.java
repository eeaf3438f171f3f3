package org.opengovdata.archive.backup;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/**
 * Writes a POSIX (pax) tar file straight to a {@link FileChannel}, so that a stored file's bytes go
 * into the tar by the kernel ({@link FileChannel#transferTo}, {@code copy_file_range} on Linux)
 * instead of through five user-space copies. Headers are encoded by commons-compress ({@link
 * TarArchiveEntry#writeEntryHeader}); a name longer than the header's 100 bytes, or not ASCII, gets
 * a pax {@code path} record first, as {@code TarArchiveOutputStream} in {@code LONGFILE_POSIX} mode
 * writes it; sizes over 8 GiB use the star/GNU binary encoding. Everything {@code
 * TarArchiveInputStream} and GNU tar read.
 */
final class TarWriter implements Closeable {

  private static final int RECORD = TarConstants.DEFAULT_RCDSIZE;
  private static final ZipEncoding ENCODING = ZipEncodingHelper.getZipEncoding("UTF-8");

  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
  private long position;

  /** Creates {@code tar}, which must not exist. */
  TarWriter(Path tar) throws IOException {
    this.channel = FileChannel.open(tar, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** A directory entry ({@code path} ends with {@code /}). */
  void directory(String path) throws IOException {
    header(path, 0);
  }

  /** A file entry with its bytes. */
  void file(String path, byte[] bytes) throws IOException {
    header(path, bytes.length);
    put(bytes, 0, bytes.length);
    pad(bytes.length);
  }

  /**
   * A file entry of {@code size} bytes whose content the caller writes with {@link Content} before
   * the next entry; what it writes short of {@code size} is filled with zero bytes (the bag's
   * manifest then tells the difference).
   */
  Content file(String path, long size) throws IOException {
    header(path, size);
    return new Content(size);
  }

  /** The end of the archive (two zero records), written and forced to disk. */
  void finish() throws IOException {
    put(new byte[2 * RECORD], 0, 2 * RECORD);
    drain();
    channel.force(true);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** The content of one entry: bytes, or a whole stored file copied by the kernel. */
  final class Content extends OutputStream {
    private final long size;
    private long written;

    private Content(long size) {
      this.size = size;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (written + length > size) {
        throw new IOException("more than the " + size + " bytes in the entry's header");
      }
      put(bytes, offset, length);
      written += length;
    }

    /** Copies up to the entry's remaining bytes from {@code source} by the kernel. */
    void transferFrom(FileChannel source) throws IOException {
      drain();
      long start = written;
      long count = Math.min(size - written, source.size());
      while (written - start < count) {
        long n =
            source.transferTo(
                written - start, count - (written - start), channel.position(position));
        if (n <= 0) {
          break;
        }
        written += n;
        position += n;
      }
    }

    /** Ends the entry: zero bytes for anything not written, then the record padding. */
    @Override
    public void close() throws IOException {
      byte[] zeros = new byte[64 * 1024];
      while (written < size) {
        int n = (int) Math.min(zeros.length, size - written);
        put(zeros, 0, n);
        written += n;
      }
      pad(size);
    }
  }

  private void header(String name, long size) throws IOException {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    String ustarName = name;
    if (utf8.length >= TarConstants.NAMELEN || !isAscii(utf8)) {
      byte[] record = paxRecord("path", name);
      TarArchiveEntry pax =
          new TarArchiveEntry(
              "./PaxHeaders.X/" + asciiTail(name), TarConstants.LF_PAX_EXTENDED_HEADER_LC);
      pax.setSize(record.length);
      writeHeader(pax);
      put(record, 0, record.length);
      pad(record.length);
      // the header's own name field: readers take the name from the pax record; one that does
      // not gets the name's first 99 ASCII characters. Already short, so commons-compress encodes
      // it once (a name that does not fit is re-encoded one character shorter at a time: that was
      // a third of a backup's writing thread)
      ustarName = ustarFallback(name);
    }
    TarArchiveEntry entry = new TarArchiveEntry(ustarName);
    if (!entry.isDirectory()) {
      entry.setSize(size);
    }
    writeHeader(entry);
  }

  private void writeHeader(TarArchiveEntry entry) throws IOException {
    byte[] record = new byte[RECORD];
    // star mode: numbers too large for octal fields (a file over 8 GiB) in binary, as GNU tar
    entry.writeEntryHeader(record, ENCODING, true);
    put(record, 0, record.length);
  }

  /** A pax extended header record, "{@code length key=value\n}", the length counting itself. */
  static byte[] paxRecord(String key, String value) {
    int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
    int length = body + Integer.toString(body).length();
    if (Integer.toString(length).length() != Integer.toString(body).length()) {
      length = body + Integer.toString(length).length();
    }
    return (length + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** The pax header's own name: the entry's last 80 ASCII characters (informational only). */
  private static String asciiTail(String name) {
    String ascii = printableAscii(name);
    if (ascii.endsWith("/")) {
      ascii = ascii.substring(0, ascii.length() - 1);
    }
    return ascii.length() > 80 ? ascii.substring(ascii.length() - 80) : ascii;
  }

  /**
   * The ustar name of an entry whose real name is in a pax record: its first 99 ASCII characters
   * (fits the 100-byte field), a directory's keeping its trailing {@code /}.
   */
  static String ustarFallback(String name) {
    boolean directory = name.endsWith("/");
    String ascii = printableAscii(directory ? name.substring(0, name.length() - 1) : name);
    int room = TarConstants.NAMELEN - 1 - (directory ? 1 : 0);
    return (ascii.length() > room ? ascii.substring(0, room) : ascii) + (directory ? "/" : "");
  }

  /** {@code text} with every character outside printable ASCII replaced by {@code _}. */
  private static String printableAscii(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] < 0x20 || chars[i] > 0x7e) {
        chars[i] = '_';
      }
    }
    return new String(chars);
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % RECORD);
    if (rest != 0) {
      put(new byte[RECORD - rest], 0, RECORD - rest);
    }
  }

  private void put(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      if (!buffer.hasRemaining()) {
        drain();
      }
      int n = Math.min(length, buffer.remaining());
      buffer.put(bytes, offset, n);
      offset += n;
      length -= n;
    }
  }

  private void drain() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
    buffer.clear();
  }
}
