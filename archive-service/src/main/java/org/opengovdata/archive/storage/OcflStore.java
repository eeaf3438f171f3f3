package org.opengovdata.archive.storage;

import io.ocfl.api.OcflOption;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.exception.NotFoundException;
import io.ocfl.api.model.ObjectDetails;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.OcflObjectVersionFile;
import io.ocfl.api.model.VersionInfo;
import io.ocfl.api.model.VersionNum;
import io.ocfl.core.extension.storage.layout.HashedNTupleLayoutExtension;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;
import io.ocfl.core.storage.common.Listing;
import io.ocfl.core.storage.common.OcflObjectRootDirIterator;
import io.ocfl.core.storage.common.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive's only door to the OCFL storage root: writes whole versions (ocfl-java stages them
 * and moves them into place atomically, so a crash leaves no half version), reads files with their
 * inventory digests, purges objects, and walks and validates every object root.
 */
@Component
public class OcflStore {

  private final OcflRepository ocfl;
  private final Storage storage;
  private final ObjectValidator validator;
  private final HashedNTupleLayoutExtension layout;
  private final JsonMapper json;
  private final Path localRoot; // the storage root on this machine's file system; null on S3

  OcflStore(OcflRepository ocfl, Storage storage, JsonMapper json, OcflProperties properties) {
    this.ocfl = ocfl;
    this.json = json;
    this.storage = storage;
    this.localRoot =
        properties.backend() == OcflProperties.Backend.FILESYSTEM ? properties.root() : null;
    this.validator = new ObjectValidator(storage, json);
    this.layout = new HashedNTupleLayoutExtension();
    layout.init(new HashedNTupleLayoutConfig()); // the layout OcflConfiguration creates roots with
  }

  /**
   * Writes the files of {@code staged} as the next version of {@code objectId}, moving them.
   *
   * @param expectedHead the version the caller saw as head, 0 for a new object; another writer
   *     having moved the head makes ocfl-java refuse ({@code ObjectOutOfSyncException})
   * @return the number of the new version
   */
  public int writeVersion(String objectId, int expectedHead, Path staged, VersionInfo info) {
    ObjectVersionId target =
        expectedHead == 0
            ? ObjectVersionId.head(objectId)
            : ObjectVersionId.version(objectId, VersionNum.fromInt(expectedHead));
    return Math.toIntExact(
        ocfl.putObject(target, staged, info, OcflOption.MOVE_SOURCE)
            .getVersionNum()
            .getVersionNum());
  }

  public boolean contains(String objectId) {
    return ocfl.containsObject(objectId);
  }

  public ObjectDetails describe(String objectId) {
    return ocfl.describeObject(objectId);
  }

  /** A file of a version, whose stream checks the inventory digest; empty if there is none. */
  public Optional<OcflObjectVersionFile> file(String objectId, int version, String logicalPath) {
    try {
      var objectVersion =
          ocfl.getObject(ObjectVersionId.version(objectId, VersionNum.fromInt(version)));
      return objectVersion.containsFile(logicalPath)
          ? Optional.of(objectVersion.getFile(logicalPath))
          : Optional.empty();
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Removes the object and every version of it from the storage root (disposition). */
  public void purge(String objectId) {
    ocfl.purgeObject(objectId);
  }

  /** Undoes the versions after {@code version} (only to compensate a write the index refused). */
  public void rollbackTo(String objectId, int version) {
    ocfl.rollbackToVersion(ObjectVersionId.version(objectId, VersionNum.fromInt(version)));
  }

  /**
   * Puts an object back to version {@code head} after a write to it was interrupted (the process
   * died between the OCFL commit and the index commit, or in the middle of the OCFL commit): every
   * version directory above {@code head} is removed and the inventory of {@code head} becomes the
   * root inventory again (with its sidecar); {@code head} 0 removes the object. Idempotent, so an
   * interrupted recovery is simply run again.
   *
   * @return what was undone, for the log
   */
  public String rollBackInterrupted(String objectId, int head) {
    String root = layout.mapObjectId(objectId);
    List<Listing> entries = list(root);
    try {
      if (entries.isEmpty()) {
        return "nothing stored";
      }
      if (head == 0) {
        storage.deleteDirectory(root);
        deleteEmptyParents(root);
        return "removed the new object";
      }
      List<String> removed = new ArrayList<>();
      for (Listing entry : entries) {
        String name = entry.getRelativePath();
        if (entry.isDirectory()
            && name.matches("v\\d+")
            && Integer.parseInt(name.substring(1)) > head) {
          storage.deleteDirectory(root + "/" + name);
          removed.add(name);
        }
      }
      String version = root + "/v" + head;
      for (Listing file : list(version)) {
        String name = file.getRelativePath();
        if (file.isFile() && name.startsWith("inventory.json.")) {
          storage.copyFileInternal(version + "/inventory.json", root + "/inventory.json");
          storage.copyFileInternal(version + "/" + name, root + "/" + name);
        }
      }
      return removed.isEmpty()
          ? "root inventory reset to v" + head
          : "removed " + String.join(", ", removed) + "; root inventory reset to v" + head;
    } finally {
      ocfl.invalidateCache(objectId);
    }
  }

  private List<Listing> list(String directory) {
    try {
      return storage.listDirectory(directory);
    } catch (RuntimeException e) {
      return List.of(); // no such directory
    }
  }

  private void deleteEmptyParents(String root) {
    int slash = root.lastIndexOf('/');
    if (slash > 0) {
      try {
        storage.deleteEmptyDirsUp(root.substring(0, slash));
      } catch (RuntimeException e) {
        // an empty layout directory left behind is harmless
      }
    }
  }

  /** Calls {@code sink} with the storage-relative path of every object root, whatever its state. */
  public void forEachObjectRoot(Consumer<String> sink) {
    try (OcflObjectRootDirIterator roots = storage.iterateObjects()) {
      roots.forEachRemaining(sink);
    }
  }

  /** Validates the object at {@code objectRoot}, content digests included. */
  public ObjectValidator.ObjectCheck check(String objectRoot) {
    return validator.check(objectRoot);
  }

  /**
   * A file that goes into a backup bag: its path in the bag, size and sha512, and where its bytes
   * come from — a stored file ({@code storagePath}) or bytes captured while planning ({@code
   * bytes}, e.g. the root inventory as it was read).
   */
  public record BagFile(
      String bagPath, long size, String sha512, String storagePath, byte[] bytes) {}

  /** An object planned by {@link #planObject}: its id, root, inventory digest, size. */
  public record ObjectSnapshot(
      String objectId, String objectRoot, String inventoryDigest, long bytes) {}

  /**
   * Lists what a backup copies of one object root, as of its current root inventory, without
   * stopping writers: the inventory and its sidecar are read first (and checked against each other,
   * retried while a writer is replacing them), then only the version directories that inventory
   * names — complete and immutable once they are in place — are listed, and the captured inventory
   * comes last. A version being added meanwhile is simply not part of the backup.
   *
   * <p>The sha512 of a content file is the digest the object's inventory records for it (the digest
   * taken at ingest), not one computed from the bytes read now, so that the digests are known
   * before anything is copied (the bag's manifests come first in its tar) and content files are
   * read once, while they are written into the bag. A file that changed on disk since ingest
   * therefore fails the bag's verification instead of entering the backup under a digest of its
   * corrupt bytes. A version's inventory likewise gets the digest its sidecar records (the sidecar
   * itself is read, hashed and kept as read: a few dozen bytes), so a changed inventory or sidecar
   * fails verification too. Other files the inventory does not list with a sha512 (objects of other
   * OCFL tools using sha256) are hashed here.
   *
   * @param bagDirectory where the object root goes in the bag ({@code data/objects/<root>})
   * @param backedUp the inventory digest of each object's last backup, by object id
   * @param files told of every file of the object, in order
   * @return empty when the object's inventory still has the digest of its last backup (nothing to
   *     copy)
   */
  public Optional<ObjectSnapshot> planObject(
      String objectRoot, String bagDirectory, Map<String, String> backedUp, Consumer<BagFile> files)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      Inventory inventory = readInventory(objectRoot);
      if (inventory == null) {
        if (attempt >= 5) {
          throw new IOException(
              objectRoot + ": inventory and sidecar disagree (5 reads); object left out");
        }
        sleepQuietly(200L * attempt);
        continue;
      }
      if (inventory.digest().equalsIgnoreCase(backedUp.getOrDefault(inventory.id(), ""))) {
        return Optional.empty();
      }
      long bytes = 0;
      Map<String, Long> listed = listObjectFiles(objectRoot, inventory);
      // versions' sidecars first: read once (small), kept as read, and each names the digest of
      // its version's inventory, which then need not be read to be planned
      Map<String, BagFile> sidecars = new HashMap<>();
      Map<String, String> recorded = new HashMap<>(inventory.sha512s());
      for (String inObject : listed.keySet()) {
        if (inObject.endsWith(VERSION_SIDECAR)
            && inObject.indexOf('/') == inObject.lastIndexOf('/')) {
          byte[] sidecar = storage.readToString(objectRoot + "/" + inObject).getBytes(UTF_8);
          sidecars.put(inObject, captured(bagDirectory + "/" + inObject, sidecar));
          String[] words = new String(sidecar, UTF_8).strip().split("\\s+");
          if (words.length > 0 && words[0].matches("[0-9a-fA-F]{128}")) {
            recorded.putIfAbsent(
                inObject.substring(0, inObject.length() - ".sha512".length()),
                words[0].toLowerCase(Locale.ROOT));
          }
        }
      }
      for (var entry : listed.entrySet()) {
        String inObject = entry.getKey();
        BagFile planned = sidecars.get(inObject);
        if (planned == null) {
          planned =
              plan(
                  objectRoot + "/" + inObject,
                  bagDirectory + "/" + inObject,
                  entry.getValue(),
                  recorded.get(inObject));
        }
        files.accept(planned);
        bytes += planned.size();
      }
      files.accept(captured(bagDirectory + "/inventory.json", inventory.bytes()));
      files.accept(
          captured(
              bagDirectory + "/" + inventory.sidecarName(),
              inventory.sidecar().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      bytes += inventory.bytes().length;
      return Optional.of(new ObjectSnapshot(inventory.id(), objectRoot, inventory.digest(), bytes));
    }
  }

  /** Lists the storage root's own files (declaration, layout, extensions) for a backup. */
  public void planRootFiles(String bagDirectory, Consumer<BagFile> files) throws IOException {
    for (Listing entry : storage.listDirectory("")) {
      String name = entry.getRelativePath();
      if (entry.isFile()) {
        files.accept(plan(name, bagDirectory + "/" + name, null));
      } else if (entry.isDirectory() && name.equals("extensions")) {
        for (Listing file : storage.listRecursive(name)) {
          if (file.isFile()) {
            String path = name + "/" + file.getRelativePath();
            files.accept(plan(path, bagDirectory + "/" + path, null));
          }
        }
      }
    }
  }

  /** A file in memory as a bag file (its sha512 computed here). */
  public static BagFile captured(String bagPath, byte[] bytes) {
    return new BagFile(
        bagPath, bytes.length, HexFormat.of().formatHex(sha512().digest(bytes)), null, bytes);
  }

  /**
   * Writes {@code file}'s bytes to {@code out}: exactly {@code file.size()} of them (a tar entry's
   * length is fixed by its header), zero-padded if the stored file shrank since it was planned —
   * the bag's verification then says so.
   */
  /**
   * Where a bag file's stored bytes are on this machine's file system, for a kernel copy; {@code
   * null} for bytes captured in memory and for storage that is not local (S3).
   */
  public Path localFile(BagFile file) {
    return file.bytes() == null && localRoot != null ? localRoot.resolve(file.storagePath()) : null;
  }

  public void writeBagFile(BagFile file, OutputStream out) throws IOException {
    if (file.bytes() != null) {
      out.write(file.bytes());
      return;
    }
    byte[] buffer = COPY_BUFFER.get();
    long left = file.size();
    try (InputStream in =
        localRoot != null
            ? Files.newInputStream(localRoot.resolve(file.storagePath()))
            : storage.read(file.storagePath())) {
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
        left -= n;
      }
    }
    java.util.Arrays.fill(buffer, (byte) 0);
    while (left > 0) {
      int n = (int) Math.min(buffer.length, left);
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  /**
   * A stored file as a bag file: with {@code recordedSha512} (the inventory's) its size is all that
   * is looked up, else it is read and hashed.
   */
  private BagFile plan(String storagePath, String bagPath, String recordedSha512)
      throws IOException {
    return plan(storagePath, bagPath, -1, recordedSha512);
  }

  /** A stored file as a bag file; {@code size} -1 when not known yet. */
  private BagFile plan(String storagePath, String bagPath, long size, String recordedSha512)
      throws IOException {
    if (recordedSha512 != null && localRoot != null) {
      long known = size >= 0 ? size : Files.size(localRoot.resolve(storagePath));
      return new BagFile(bagPath, known, recordedSha512, storagePath, null);
    }
    MessageDigest digest = sha512();
    byte[] buffer = COPY_BUFFER.get();
    long read = 0;
    try (InputStream in = storage.read(storagePath)) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        digest.update(buffer, 0, n);
        read += n;
      }
    }
    return new BagFile(
        bagPath,
        read,
        recordedSha512 != null ? recordedSha512 : HexFormat.of().formatHex(digest.digest()),
        storagePath,
        null);
  }

  /**
   * The files of an object root a backup copies, by path in the object (sorted), with their sizes
   * (-1 where the storage does not say): the root's own files other than the inventory and its
   * sidecar (captured separately), every file of the versions up to the inventory's head, and
   * whatever is under the root's other directories ({@code extensions}, {@code logs}).
   *
   * <p>On a local root a version's files are the ones its inventory names — the content paths of
   * the manifest, the version's inventory and sidecar — each found with one {@code lstat}, instead
   * of a walk of every version directory (three directories a version: reading them was most of a
   * backup's planning). A version directory holds nothing else in a valid object (OCFL 1.1 §3.3;
   * the fixity audit reports a stray file, E023); a content file the manifest names that is not
   * there fails the object's planning (it is left out of the backup and the job says why). On S3
   * the storage lists every file.
   */
  private Map<String, Long> listObjectFiles(String objectRoot, Inventory inventory)
      throws IOException {
    int head = inventory.head();
    Map<String, Long> files = new java.util.TreeMap<>();
    if (localRoot != null) {
      Path root = localRoot.resolve(objectRoot);
      List<Path> others = new ArrayList<>();
      try (var entries = Files.newDirectoryStream(root)) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          BasicFileAttributes attrs =
              Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          Integer version = attrs.isDirectory() ? versionNumber(name) : null;
          if (version != null) {
            if (version <= head) { // later: being written now, not in the captured inventory
              for (String own : List.of("/inventory.json", "/" + inventory.sidecarName())) {
                BasicFileAttributes file = attributes(root.resolve(name + own));
                if (file != null && file.isRegularFile()) {
                  files.put(name + own, file.size());
                }
              }
            }
          } else if (attrs.isDirectory()) {
            others.add(entry);
          } else if (attrs.isRegularFile() && !isRootInventory(name)) {
            files.put(name, attrs.size());
          }
        }
      }
      for (String path : inventory.contentPaths()) {
        int slash = path.indexOf('/');
        Integer version = slash > 0 ? versionNumber(path.substring(0, slash)) : null;
        if (version != null && version <= head) {
          BasicFileAttributes file = attributes(root.resolve(path));
          if (file == null || !file.isRegularFile()) {
            throw new IOException(
                "%s: %s is in the inventory but not in storage".formatted(objectRoot, path));
          }
          files.put(path, file.size());
        }
      }
      for (Path dir : others) {
        Files.walkFileTree(
            dir,
            new java.nio.file.SimpleFileVisitor<>() {
              @Override
              public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                  files.put(root.relativize(file).toString().replace('\\', '/'), attrs.size());
                }
                return java.nio.file.FileVisitResult.CONTINUE;
              }
            });
      }
      return files;
    }
    for (Listing entry : storage.listDirectory(objectRoot)) {
      String name = entry.getRelativePath();
      Integer version = entry.isDirectory() ? versionNumber(name) : null;
      if (version != null && version > head) {
        continue; // being written now: not in the captured inventory
      }
      if (entry.isDirectory()) {
        for (Listing file : storage.listRecursive(objectRoot + "/" + name)) {
          if (file.isFile()) {
            files.put(name + "/" + file.getRelativePath(), -1L);
          }
        }
      } else if (entry.isFile() && !isRootInventory(name)) {
        files.put(name, -1L);
      }
    }
    return files;
  }

  /** A version's inventory sidecar, {@code vN/inventory.json.sha512}. */
  private static final String VERSION_SIDECAR = "/inventory.json.sha512";

  /** An object root's sidecar when its digest algorithm is sha512 (ocfl-java's default). */
  private static final String SHA512_SIDECAR = "/inventory.json.sha512";

  private static final java.nio.charset.Charset UTF_8 = java.nio.charset.StandardCharsets.UTF_8;

  /** The attributes of {@code file}, not following a link; null when it does not exist. */
  private static BasicFileAttributes attributes(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  private static boolean isRootInventory(String inObject) {
    return inObject.startsWith("inventory.json");
  }

  /** {@code n} for a version directory's name {@code vn} (zero-padded or not), else null. */
  private static Integer versionNumber(String name) {
    if (name.length() < 2 || name.charAt(0) != 'v') {
      return null;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!Character.isDigit(name.charAt(i))) {
        return null;
      }
    }
    return Integer.parseInt(name.substring(1));
  }

  /**
   * Restore: puts a backed-up object root (a directory as {@link #snapshotObject} wrote it) at
   * {@code objectRoot}, replacing what is there; the root inventory is written last.
   */
  public void restoreObject(Path source, String objectRoot) throws IOException {
    if (!list(objectRoot).isEmpty()) {
      storage.deleteDirectory(objectRoot);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    List<Path> inventories = new ArrayList<>();
    for (Path file : files) {
      String relative = source.relativize(file).toString().replace('\\', '/');
      if (!relative.contains("/") && relative.startsWith("inventory.json")) {
        inventories.add(file);
      } else {
        copyIn(file, objectRoot + "/" + relative);
      }
    }
    for (Path file : inventories) {
      copyIn(file, objectRoot + "/" + file.getFileName());
    }
  }

  /** Restore: the storage root's own files, where they are missing. */
  public void restoreRootFiles(Path source) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = source.relativize(file).toString().replace('\\', '/');
        if (!storage.fileExists(relative)) {
          copyIn(file, relative);
        }
      }
    }
  }

  /** Whether the storage root holds no object at all (restore goes only into an empty archive). */
  public boolean hasNoObjects() {
    try (OcflObjectRootDirIterator roots = storage.iterateObjects()) {
      return !roots.hasNext();
    }
  }

  /** Forgets every cached inventory (after storage was changed behind ocfl-java's back). */
  public void forgetCaches() {
    ocfl.invalidateCache();
  }

  /** The object root of {@code objectId} under the storage layout. */
  public String objectRootOf(String objectId) {
    return layout.mapObjectId(objectId);
  }

  /**
   * A root inventory as read, with {@code sha512s}: the recorded sha512 of each content path (empty
   * when the inventory uses another digest algorithm), and {@code contentPaths}: every path its
   * manifest names.
   */
  private record Inventory(
      String id,
      int head,
      byte[] bytes,
      String digest,
      String sidecarName,
      String sidecar,
      Map<String, String> sha512s,
      List<String> contentPaths) {}

  /** The root inventory if its sidecar matches it; null while they disagree (being replaced). */
  private Inventory readInventory(String objectRoot) throws IOException {
    String sidecarName =
        localRoot != null && Files.isRegularFile(localRoot.resolve(objectRoot + SHA512_SIDECAR))
            ? SHA512_SIDECAR.substring(1)
            : storage.listDirectory(objectRoot).stream()
                .map(Listing::getRelativePath)
                .filter(n -> n.startsWith("inventory.json."))
                .findFirst()
                .orElseThrow(() -> new IOException(objectRoot + ": no inventory sidecar"));
    byte[] bytes;
    try (InputStream in = storage.read(objectRoot + "/inventory.json")) {
      bytes = in.readAllBytes();
    }
    String sidecar = storage.readToString(objectRoot + "/" + sidecarName);
    String digest = sidecar.strip().split("\\s+")[0];
    String algorithm = sidecarName.substring("inventory.json.".length());
    String jdkName =
        switch (algorithm) {
          case "sha512" -> "SHA-512";
          case "sha256" -> "SHA-256";
          default -> null;
        };
    if (jdkName != null) {
      try {
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance(jdkName).digest(bytes));
        if (!actual.equalsIgnoreCase(digest)) {
          return null;
        }
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    JsonNode json = this.json.readTree(bytes);
    String head = json.get("head").asString();
    Map<String, String> sha512s = new HashMap<>();
    List<String> contentPaths = new ArrayList<>();
    JsonNode manifest = json.get("manifest");
    if (manifest != null) {
      for (var entry : manifest.properties()) {
        for (JsonNode path : entry.getValue()) {
          contentPaths.add(path.asString());
        }
      }
    }
    if (json.path("digestAlgorithm").asString("").equals("sha512") && manifest != null) {
      for (var entry : manifest.properties()) {
        String recorded = entry.getKey().toLowerCase(Locale.ROOT);
        for (JsonNode path : entry.getValue()) {
          sha512s.put(path.asString(), recorded);
        }
      }
    }
    return new Inventory(
        json.get("id").asString(),
        Integer.parseInt(head.replaceFirst("^v0*", "")),
        bytes,
        digest,
        sidecarName,
        sidecar,
        sha512s,
        contentPaths);
  }

  private void copyIn(Path file, String storagePath) {
    int slash = storagePath.lastIndexOf('/');
    if (slash > 0) {
      storage.createDirectories(storagePath.substring(0, slash));
    }
    storage.copyFileInto(file, storagePath, null);
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies move 256 KiB at a time (Files.copy's 8 KiB means 32 times the system calls). */
  private static final ThreadLocal<byte[]> COPY_BUFFER =
      ThreadLocal.withInitial(() -> new byte[256 * 1024]);

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
