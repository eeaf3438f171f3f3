package org.opengovdata.archive.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengovdata.archive.storage.OcflStore;
import org.opengovdata.archive.storage.OcflStore.BagFile;

/** The serialized bag on its own: what verify finds in a tar that is not what its manifest says. */
class BackupSerializedBagTest {

  private static final String ID = "0b7f6c2e-8f0e-4a53-9d1c-0d6b2a6f3e11";
  private static final String LONG =
      "data/objects/" + "长路径/".repeat(40) + "v1/content/文件 with spaces.txt";

  @TempDir Path dir;

  private static Map<String, String> info() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("Backup-Id", ID);
    info.put("Previous-Backup", "none");
    info.put("Backup-Started", "2026-11-29T00:00:00Z");
    return info;
  }

  private Path write(String name, List<BagFile> payload, Map<String, byte[]> actual)
      throws IOException {
    Path tar = dir.resolve(name);
    SerializedBag.write(
        tar,
        ID,
        info(),
        payload,
        (file, out) -> out.write(actual.getOrDefault(file.bagPath(), file.bytes())),
        file -> null);
    return tar;
  }

  private static BagFile file(String path, String text) {
    return OcflStore.captured(path, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBagAsWrittenIsValidAndUnpacksToABagDirectory() throws IOException {
    Path tar = write("ok.tar", List.of(file("data/a.txt", "甲"), file(LONG, "长")), Map.of());
    assertThat(SerializedBag.verify(tar, ID)).isEmpty();
    assertThat(SerializedBag.info(tar))
        .containsEntry("Backup-Id", ID)
        .containsEntry("Payload-Oxum", (3 + 3) + ".2");
    SerializedBag.extract(tar, dir.resolve("out"));
    assertThat(dir.resolve("out").resolve(ID).resolve(LONG)).hasContent("长");
    assertThat(dir.resolve("out").resolve(ID).resolve("manifest-sha512.txt"))
        .content()
        .contains(LONG, SerializedBag.sha512("甲".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aLongNamesHeaderFitsUstarAndTarReadsTheRealNameFromThePaxRecord() throws Exception {
    assertThat(TarWriter.ustarFallback(ID + "/" + LONG))
        .hasSizeLessThan(100)
        .startsWith(ID + "/data/objects/")
        .doesNotContain("长");
    assertThat(TarWriter.ustarFallback(ID + "/" + "目录/".repeat(60)))
        .hasSizeLessThan(100)
        .endsWith("/");
    Path tar = write("names.tar", List.of(file(LONG, "长")), Map.of());
    Process list =
        new ProcessBuilder("tar", "-tf", tar.toString()).redirectErrorStream(true).start();
    String listed = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(list.waitFor()).as(listed).isZero();
    assertThat(listed.lines()).contains(ID + "/" + LONG, ID + "/data/objects/长路径/");
  }

  @Test
  void verifyNamesTheFileWhoseBytesDifferFromTheManifest() throws IOException {
    // the manifest has the recorded digest of "甲"; the bytes written are another file's
    Path tar =
        write(
            "bad.tar",
            List.of(file("data/a.txt", "甲"), file("data/b.txt", "乙")),
            Map.of("data/a.txt", "申".getBytes(StandardCharsets.UTF_8)));
    List<String> problems = SerializedBag.verify(tar, ID);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith("data/a.txt: sha512 is ")
        .contains("manifest-sha512.txt");
  }

  @Test
  void verifyFindsAnotherBackupsBagAndATamperedTagFile() throws IOException {
    Path tar = write("ok.tar", List.of(file("data/a.txt", "甲")), Map.of());
    assertThat(SerializedBag.verify(tar, "a4d9a0a4-0000-4000-8000-000000000000"))
        .anyMatch(p -> p.startsWith("outside the bag's directory"));
    // bag-info.txt edited inside the tar (same length): the tag manifest no longer matches
    byte[] bytes = Files.readAllBytes(tar);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("Previous-Backup: none");
    assertThat(at).isPositive();
    bytes[at + "Previous-Backup: ".length()] = 'N';
    Files.write(tar, bytes);
    assertThat(SerializedBag.verify(tar, ID))
        .singleElement()
        .asString()
        .startsWith("bag-info.txt: sha512 is ");
  }

  @Test
  void aFileMissingFromTheTarIsReported() throws IOException {
    BagFile a = file("data/a.txt", "甲");
    Path tar = dir.resolve("short.tar");
    // the same bag with one payload entry dropped from the tar
    SerializedBag.write(
        tar,
        ID,
        info(),
        List.of(a, file("data/b.txt", "乙")),
        (file, out) -> out.write(file.bytes()),
        file -> null);
    Path repacked = dir.resolve("repacked.tar");
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar));
        TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(repacked))) {
      for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
        if (!entry.getName().endsWith("/data/b.txt")) {
          out.putArchiveEntry(entry);
          in.transferTo(out);
          out.closeArchiveEntry();
        }
      }
    }
    assertThat(SerializedBag.verify(repacked, ID))
        .contains("missing from the bag: data/b.txt")
        .anyMatch(p -> p.startsWith("Payload-Oxum is "));
  }

  @Test
  void aStoredFileIsCopiedIntoTheTarByTheKernelAndReadsBackIdentical() throws IOException {
    // 300 KiB + 7 bytes: not a multiple of the tar's 512-byte records, larger than the buffer
    byte[] content = new byte[300 * 1024 + 7];
    new java.util.Random(42).nextBytes(content);
    Path stored = dir.resolve("stored.bin");
    Files.write(stored, content);
    BagFile local =
        new BagFile(LONG, content.length, SerializedBag.sha512(content), "stored.bin", null);
    Path tar = dir.resolve("kernel.tar");
    SerializedBag.write(
        tar,
        ID,
        info(),
        List.of(file("data/a.txt", "甲"), local, file("data/z.txt", "乙")),
        (file, out) -> out.write(file.bytes()),
        file -> file.bytes() == null ? stored : null);
    assertThat(SerializedBag.verify(tar, ID)).isEmpty();
    SerializedBag.extract(tar, dir.resolve("out"));
    assertThat(dir.resolve("out").resolve(ID).resolve(LONG)).hasBinaryContent(content);
    assertThat(dir.resolve("out").resolve(ID).resolve("data/z.txt")).hasContent("乙");
    assertThat(Files.size(tar) % 512).isZero();
  }

  @Test
  void aStoredFileShorterThanRecordedIsPaddedAndFailsVerify() throws IOException {
    Path stored = dir.resolve("short.bin");
    Files.write(stored, "甲".getBytes(StandardCharsets.UTF_8));
    byte[] recorded = "甲乙".getBytes(StandardCharsets.UTF_8);
    BagFile local =
        new BagFile("data/a.txt", recorded.length, SerializedBag.sha512(recorded), "s", null);
    Path tar = dir.resolve("short-source.tar");
    SerializedBag.write(
        tar,
        ID,
        info(),
        List.of(local, file("data/b.txt", "乙")),
        (file, out) -> out.write(file.bytes()),
        file -> file.bytes() == null ? stored : null);
    assertThat(SerializedBag.verify(tar, ID))
        .singleElement()
        .asString()
        .startsWith("data/a.txt: sha512 is ");
  }
}
