import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengovdata.common.security.IdentityToken;
import org.opengovdata.common.security.Role;

/**
 * The archive benchmark's client (scripts/bench/archive.sh): runs on the service's own classes for
 * identity tokens. Commands:
 *
 * <pre>
 *   ingest BASE SECRET RECORDS VERSIONS FILE_BYTES CONCURRENCY OUT   → records.txt, result lines
 *   job BASE SECRET PATH JOB_PATH_FIELD                               → seconds until the job ends
 *   timegate BASE SECRET RECORDS_FILE REQUESTS OUT                    → p50/p95 of Accept-Datetime
 * </pre>
 *
 * Every result is a "key value" line appended to OUT.
 */
public class ArchiveBench {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern CREATED = Pattern.compile("\"created\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z]+)\"");

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "ingest" -> ingest(args);
      case "job" -> job(args);
      case "verify" -> verify(args);
      case "timegate" -> timegate(args);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static String token(String secret, Role role) {
    return "Bearer "
        + IdentityToken.mint(
            secret, "bench_" + role.claimValue(), List.of(role), Duration.ofSeconds(60), Instant.now());
  }

  /** Archives RECORDS records, then adds versions round-robin until VERSIONS versions in all. */
  private static void ingest(String[] a) throws Exception {
    baseUrl = a[1];
    String secret = a[2];
    int records = Integer.parseInt(a[3]);
    int versions = Integer.parseInt(a[4]);
    int size = Integer.parseInt(a[5]);
    int concurrency = Integer.parseInt(a[6]);
    Path out = Path.of(a[7]);
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    AtomicLong bytes = new AtomicLong();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<?>> work = new ArrayList<>();
    for (int r = 0; r < records; r++) {
      int n = r;
      work.add(
          pool.submit(
              () -> {
                String metadata =
                    "{\"title\":\"基准 %d\",\"documentDate\":\"2020-01-01\",\"retentionClass\":\"Y30\",\"access\":\"PUBLIC\"}"
                        .formatted(n);
                String body = upload("/records", metadata, payload(n, 1, size), null, secret);
                Matcher m = ID.matcher(body);
                m.find();
                ids.add(m.group(1));
                bytes.addAndGet(size);
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    work.clear();
    int extra = versions - records;
    for (int v = 0; v < extra; v++) {
      String id = ids.get(v % ids.size());
      int version = 2 + v / ids.size();
      work.add(
          pool.submit(
              () -> {
                // one writer per record at a time: versions of a record go in order
                synchronized (id.intern()) {
                  upload(
                      "/records/" + id + "/versions",
                      null,
                      payload(id.hashCode(), version, size),
                      "v" + version,
                      secret);
                }
                bytes.addAndGet(size);
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    Files.write(out.resolveSibling("records.txt"), ids);
    Files.writeString(
        out,
        "ingest_versions %d%ningest_seconds %.2f%ningest_versions_per_s %.1f%ningest_mb_per_s %.1f%n"
            .formatted(versions, seconds, versions / seconds, bytes.get() / 1e6 / seconds),
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  private static byte[] payload(int seed, int version, int size) {
    byte[] bytes = new byte[size];
    new Random(seed * 31L + version).nextBytes(bytes);
    return bytes;
  }

  private static String upload(String path, String metadata, byte[] file, String note, String secret)
      throws IOException, InterruptedException {
    String boundary = "----bench" + UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    if (metadata != null) {
      body.write(
          ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                  + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    if (note != null) {
      body.write(
          ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"changeNote\"\r\n\r\n"
                  + note + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.write(
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"doc.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(file);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", token(secret, Role.ARCHIVIST))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(path + " → " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static volatile String baseUrl;

  /** POSTs PATH as admin and waits for the job (its id in the answer) to end; prints seconds. */
  private static void job(String[] a) throws Exception {
    String base = a[1];
    String secret = a[2];
    long start = System.nanoTime();
    HttpResponse<String> started =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + a[3]))
                .header("Authorization", token(secret, Role.ADMIN))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (started.statusCode() != 202) {
      throw new IllegalStateException(a[3] + " → " + started.statusCode() + " " + started.body());
    }
    Matcher m = ID.matcher(started.body());
    m.find();
    String jobUrl = base + "/jobs/" + m.group(1);
    while (true) {
      Thread.sleep(25); // the job's end is seen within 25 ms (200 ms added 100 ms on average)
      String body =
          CLIENT.send(
                  HttpRequest.newBuilder(URI.create(jobUrl))
                      .header("Authorization", token(secret, Role.ADMIN))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher s = STATE.matcher(body);
      if (s.find() && (s.group(1).equals("SUCCEEDED") || s.group(1).equals("FAILED"))) {
        if (s.group(1).equals("FAILED")) {
          throw new IllegalStateException("job failed: " + body);
        }
        System.out.printf(Locale.ROOT, "%.3f%n", (System.nanoTime() - start) / 1e9);
        return;
      }
    }
  }

  /** POSTs /backups/ID/verify as admin (synchronous); fails unless valid; prints seconds. */
  private static void verify(String[] a) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> verified =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(a[1] + "/backups/" + a[3] + "/verify"))
                .header("Authorization", token(a[2], Role.ADMIN))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (verified.statusCode() != 200 || !verified.body().contains("\"valid\":true")) {
      throw new IllegalStateException("verify → " + verified.statusCode() + " " + verified.body());
    }
    System.out.printf(Locale.ROOT, "%.3f%n", (System.nanoTime() - start) / 1e9);
  }

  /** Accept-Datetime requests at random instants within each record's version history. */
  private static void timegate(String[] a) throws Exception {
    String base = a[1];
    List<String> ids = Files.readAllLines(Path.of(a[3]));
    int requests = Integer.parseInt(a[4]);
    Path out = Path.of(a[5]);
    Random random = new Random(42);
    List<Long> micros = new ArrayList<>();
    DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    java.util.Map<String, List<Instant>> history = new java.util.HashMap<>();
    for (int i = 0; i < requests + 20; i++) {
      String id = ids.get(random.nextInt(ids.size()));
      List<Instant> created =
          history.computeIfAbsent(
              id,
              k -> {
                try {
                  String body =
                      CLIENT.send(
                              HttpRequest.newBuilder(
                                      URI.create(base + "/records/" + k + "/versions?size=100"))
                                  .build(),
                              HttpResponse.BodyHandlers.ofString())
                          .body();
                  List<Instant> list = new ArrayList<>();
                  Matcher m = CREATED.matcher(body);
                  while (m.find()) {
                    list.add(Instant.parse(m.group(1)));
                  }
                  Collections.sort(list);
                  return list;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Instant first = created.get(0);
      Instant last = created.get(created.size() - 1).plusSeconds(2);
      Instant at = first.plusMillis((long) (random.nextDouble() * Duration.between(first, last).toMillis()));
      long t0 = System.nanoTime();
      HttpResponse<byte[]> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(base + "/records/" + id + "/content"))
                  .header("Accept-Datetime", http.format(at.plusSeconds(1)))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      long elapsed = (System.nanoTime() - t0) / 1000;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("timegate → " + response.statusCode());
      }
      if (i >= 20) { // 20 warm-up requests
        micros.add(elapsed);
      }
    }
    Collections.sort(micros);
    Files.writeString(
        out,
        "timegate_requests %d%ntimegate_p50_ms %.2f%ntimegate_p95_ms %.2f%n"
            .formatted(
                micros.size(),
                micros.get(micros.size() / 2) / 1000.0,
                micros.get((int) Math.ceil(micros.size() * 0.95) - 1) / 1000.0),
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }
}
