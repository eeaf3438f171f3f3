package org.opengovdata.archive.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.opengovdata.archive.storage.OcflStore.BagFile;

/**
 * A BagIt bag serialized as one uncompressed tar file (RFC 8493 §4): one top-level directory named
 * after the bag, holding {@code bagit.txt}, {@code bag-info.txt}, {@code manifest-sha512.txt} and
 * {@code tagmanifest-sha512.txt} — first, since every digest is known before the payload is copied,
 * so a reader has the manifests before the payload — then {@code data/...}. Written, verified in
 * one pass, read and extracted here.
 */
final class SerializedBag {

  static final String SUFFIX = ".tar";
  static final String MANIFEST = "manifest-sha512.txt";
  static final String TAG_MANIFEST = "tagmanifest-sha512.txt";
  private static final int BUFFER = 1 << 20;
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  /** Copies one bag file's bytes into the tar (the store knows where they are). */
  @FunctionalInterface
  interface PayloadWriter {
    void write(BagFile file, OutputStream out) throws IOException;
  }

  private SerializedBag() {}

  /**
   * Writes the bag {@code name} to {@code tar} (which must not exist): the tag files, with {@code
   * Payload-Oxum} and {@code Bagging-Date} added to {@code info}, then the payload in the given
   * order; forced to disk before it returns.
   */
  static void write(
      Path tar,
      String name,
      Map<String, String> info,
      List<BagFile> payload,
      PayloadWriter writer,
      Function<BagFile, Path> localFile)
      throws IOException {
    long octets = payload.stream().mapToLong(BagFile::size).sum();
    Map<String, String> metadata = new LinkedHashMap<>(info);
    metadata.put("Payload-Oxum", octets + "." + payload.size());
    metadata.put("Bagging-Date", LocalDate.now(ZoneOffset.UTC).toString());
    StringBuilder bagInfo = new StringBuilder();
    metadata.forEach((key, value) -> bagInfo.append(key).append(": ").append(value).append('\n'));
    StringBuilder manifest = new StringBuilder();
    payload.stream()
        .sorted(Comparator.comparing(BagFile::bagPath))
        .forEach(
            f -> manifest.append(f.sha512()).append("  ").append(encode(f.bagPath())).append('\n'));
    Map<String, byte[]> tags = new LinkedHashMap<>();
    tags.put(
        "bagit.txt",
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
            .getBytes(StandardCharsets.UTF_8));
    tags.put("bag-info.txt", bagInfo.toString().getBytes(StandardCharsets.UTF_8));
    tags.put(MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder tagManifest = new StringBuilder();
    tags.forEach(
        (file, bytes) -> tagManifest.append(sha512(bytes)).append("  ").append(file).append('\n'));
    tags.put(TAG_MANIFEST, tagManifest.toString().getBytes(StandardCharsets.UTF_8));

    Files.createDirectories(tar.getParent());
    try (TarWriter out = new TarWriter(tar)) {
      Set<String> directories = new HashSet<>();
      directory(out, name + "/", directories);
      for (var tag : tags.entrySet()) {
        out.file(name + "/" + tag.getKey(), tag.getValue());
      }
      for (BagFile file : payload) {
        String path = name + "/" + file.bagPath();
        for (int slash = path.indexOf('/', name.length() + 1);
            slash > 0;
            slash = path.indexOf('/', slash + 1)) {
          directory(out, path.substring(0, slash + 1), directories);
        }
        TarWriter.Content content = out.file(path, file.size());
        Path local = localFile.apply(file);
        if (local != null) {
          // a stored file on this machine: copied into the tar by the kernel
          try (FileChannel source = FileChannel.open(local, StandardOpenOption.READ)) {
            content.transferFrom(source);
          }
        } else {
          writer.write(file, content);
        }
        content.close();
      }
      out.finish();
    }
  }

  private static void directory(TarWriter out, String path, Set<String> written)
      throws IOException {
    if (written.add(path)) {
      out.directory(path);
    }
  }

  /** Copies a finished tar to {@code to} under a temporary name, forces it, renames it. */
  static void copy(Path from, Path to, Path temporary) throws IOException {
    Files.createDirectories(temporary.getParent());
    Files.copy(from, temporary, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    publish(temporary, to);
  }

  /** Renames a complete, forced {@code temporary} to {@code to} and forces the directory. */
  static void publish(Path temporary, Path to) throws IOException {
    Files.move(temporary, to, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel dir = FileChannel.open(to.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not every file system lets a directory be forced; the rename itself is atomic
    }
  }

  /** The bag's {@code bag-info.txt} (read from the head of the tar: it is the second entry). */
  static Map<String, String> info(Path tar) throws IOException {
    try (TarArchiveInputStream in = open(tar)) {
      for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
        if (entry.getName().endsWith("/bag-info.txt")
            && entry.getName().indexOf('/')
                == entry.getName().length() - "/bag-info.txt".length()) {
          return parseInfo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        if (entry.getName().contains("/data/")) {
          break;
        }
      }
    }
    throw new IOException("no bag-info.txt before the payload in " + tar);
  }

  /**
   * Checks the bag in {@code tar} in one pass: {@code bagit.txt}, that the bag names backup {@code
   * id}, every payload file's sha512 against the manifest as it passes, completeness (missing and
   * extra files), the tag manifest and the {@code Payload-Oxum}.
   *
   * @return the problems found, empty when the bag is valid
   */
  static List<String> verify(Path tar, String id) throws IOException {
    List<String> problems = new ArrayList<>();
    String prefix = id + "/";
    Map<String, String> tagDigests = new HashMap<>();
    Map<String, String> manifest = null;
    Map<String, String> tagManifest = null;
    Map<String, String> info = null;
    boolean bagit = false;
    Set<String> seen = new HashSet<>();
    long octets = 0;
    byte[] buffer = new byte[BUFFER];
    try (TarArchiveInputStream in = open(tar)) {
      for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
        if (entry.isDirectory()) {
          continue;
        }
        String name = entry.getName();
        if (!name.startsWith(prefix)) {
          problems.add("outside the bag's directory " + prefix + ": " + name);
          continue;
        }
        String path = name.substring(prefix.length());
        if (path.startsWith("data/")) {
          if (manifest == null) {
            problems.add("payload before " + MANIFEST + ": " + path);
            return problems;
          }
          MessageDigest digest = sha512();
          for (int n; (n = in.read(buffer)) != -1; ) {
            digest.update(buffer, 0, n);
            octets += n;
          }
          String actual = HexFormat.of().formatHex(digest.digest());
          String expected = manifest.get(path);
          if (!seen.add(path)) {
            problems.add("twice in the bag: " + path);
          } else if (expected == null) {
            problems.add("not in " + MANIFEST + ": " + path);
          } else if (!expected.equalsIgnoreCase(actual)) {
            problems.add(
                "%s: sha512 is %s, %s says %s".formatted(path, actual, MANIFEST, expected));
          }
          continue;
        }
        byte[] bytes = in.readAllBytes();
        tagDigests.put(path, sha512(bytes));
        String text = new String(bytes, StandardCharsets.UTF_8);
        switch (path) {
          case "bagit.txt" -> {
            bagit = true;
            Map<String, String> declaration = parseInfo(text);
            if (!declaration.containsKey("BagIt-Version")
                || !"UTF-8".equalsIgnoreCase(declaration.get("Tag-File-Character-Encoding"))) {
              problems.add("bagit.txt is not a BagIt declaration in UTF-8: " + text.strip());
            }
          }
          case "bag-info.txt" -> info = parseInfo(text);
          case MANIFEST -> manifest = parseManifest(text);
          case TAG_MANIFEST -> tagManifest = parseManifest(text);
          default -> {} // other tag files: covered by the tag manifest if listed there
        }
      }
    }
    if (!bagit) {
      problems.add("no bagit.txt");
    }
    if (manifest == null) {
      problems.add("no " + MANIFEST);
      return problems;
    }
    if (info == null) {
      problems.add("no bag-info.txt");
    } else {
      if (!id.equals(info.get("Backup-Id"))) {
        problems.add("the bag names another backup: " + info.get("Backup-Id"));
      }
      String oxum = info.get("Payload-Oxum");
      if (oxum != null && !oxum.equals(octets + "." + seen.size())) {
        problems.add(
            "Payload-Oxum is %s, the payload is %d.%d".formatted(oxum, octets, seen.size()));
      }
    }
    for (String path : manifest.keySet().stream().sorted().toList()) {
      if (!seen.contains(path)) {
        problems.add("missing from the bag: " + path);
      }
    }
    if (tagManifest == null) {
      problems.add("no " + TAG_MANIFEST);
    } else {
      tagManifest.forEach(
          (path, expected) -> {
            String actual = tagDigests.get(path);
            if (actual == null) {
              problems.add("tag file missing from the bag: " + path);
            } else if (!expected.equalsIgnoreCase(actual)) {
              problems.add(
                  "%s: sha512 is %s, %s says %s".formatted(path, actual, TAG_MANIFEST, expected));
            }
          });
    }
    return problems;
  }

  /**
   * Extracts the bag in {@code tar} under {@code directory} (which then holds the bag's top-level
   * directory); refuses entries that would land outside it.
   */
  static void extract(Path tar, Path directory) throws IOException {
    Path root = directory.toAbsolutePath().normalize();
    try (TarArchiveInputStream in = open(tar)) {
      for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
          throw new IOException("tar entry outside the bag: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isFile()) {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
  }

  private static TarArchiveInputStream open(Path tar) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(tar), BUFFER);
    return new TarArchiveInputStream(in, UTF_8);
  }

  /** {@code Key: value} lines (continuation lines, which start with white space, appended). */
  private static Map<String, String> parseInfo(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    String last = null;
    for (String line : text.split("\r\n|\r|\n")) {
      if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && last != null) {
        values.put(last, values.get(last) + " " + line.strip());
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        last = line.substring(0, colon).strip();
        values.putIfAbsent(last, line.substring(colon + 1).strip());
      }
    }
    return values;
  }

  /** {@code <digest> <path>} lines, the path percent-decoded (RFC 8493 §2.1.3). */
  private static Map<String, String> parseManifest(String text) {
    Map<String, String> digests = new HashMap<>();
    for (String line : text.split("\r\n|\r|\n")) {
      String[] parts = line.strip().split("\\s+", 2);
      if (parts.length == 2) {
        digests.put(decode(parts[1]), parts[0].toLowerCase());
      }
    }
    return digests;
  }

  private static String encode(String path) {
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String decode(String path) {
    return path.replace("%0D", "\r")
        .replace("%0d", "\r")
        .replace("%0A", "\n")
        .replace("%0a", "\n")
        .replace("%25", "%");
  }

  static String sha512(byte[] bytes) {
    return HexFormat.of().formatHex(sha512().digest(bytes));
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
