import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.opengovdata.common.security.IdentityToken;
import org.opengovdata.common.security.Role;
import org.opengovdata.docnumber.DocumentNumber;
import org.opengovdata.docnumber.DocumentNumbers;
import org.opengovdata.search.policy.query.DocumentQuery;
import org.opengovdata.search.policy.query.DocumentQueryBuilder;
import org.opengovdata.search.policy.query.DocumentSearch;
import org.opengovdata.search.policy.index.PolicyClock;
import org.opengovdata.search.policy.index.PolicyDocument;
import org.opengovdata.search.policy.index.PolicyDocuments;
import org.opengovdata.search.region.RegionTree;
import org.opengovdata.search.suggest.Suggestions;
import org.opengovdata.search.policy.source.Policy;
import org.opengovdata.search.text.ChineseText;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search benchmark (scripts/bench/search.sh runs it against the service's own classes):
 *
 * <pre>
 *   generate FILE N CORPUS          N realistic policies as JSON lines (the catalog's shape)
 *   segmentation FILE               cost of folding + segmentation on those bodies
 *   documents FILE OUT              the service's own index documents of FILE as _bulk lines
 *   subset FILE N OUT               the first N lines of FILE
 *   rebuild SERVICE SECRET          POST /admin/reindex and wait for the job
 *   index ES SERVICE PREFIX SECRET FILE DOCFILE RUNS OUT     indexing: raw _bulk (both baselines) vs rebuild
 *   queries ES SERVICE PREFIX FILE RUNS QUERIES OUT      queries, service vs the same request sent raw
 * </pre>
 */
public class SearchBench {

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final int WARMUP_PASSES = Integer.getInteger("bench.warmupPasses", 1);

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
      case "segmentation" -> segmentation(Path.of(args[1]), Path.of(args[2]));
      case "documents" -> documents(Path.of(args[1]), Path.of(args[2]));
      case "rebuild" -> serviceRebuild(args[1], null, null, 1, args[2]);
      case "subset" -> subset(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
      case "index" ->
          index(args[1], args[2], args[3], args[4], Path.of(args[5]), Path.of(args[6]),
              Integer.parseInt(args[7]), Path.of(args[8]));
      case "queries" ->
          queries(args[1], args[2], args[3], Path.of(args[4]), Integer.parseInt(args[5]),
              Integer.parseInt(args[6]), Path.of(args[7]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  // ---------------------------------------------------------------- data

  record Region(String code, String name, String level) {}

  static List<Region> regions() throws IOException {
    List<Region> regions = new ArrayList<>();
    try (var in = SearchBench.class.getClassLoader().getResourceAsStream("reference/regions-150000.csv");
        var reader = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.lines().filter(l -> !l.startsWith("#") && !l.startsWith("code,")).forEach(l -> {
        String[] c = l.split(",", -1);
        regions.add(new Region(c[0], c[1], c[2]));
      });
    }
    return regions;
  }

  static List<String> sentences(Path corpus) throws IOException {
    String text = Files.readString(corpus);
    text = text.substring(text.indexOf('\n') + 1);
    return Arrays.stream(text.split("。")).map(String::trim).filter(s -> s.length() > 8).toList();
  }

  static final String[][] KINDS = {
    {"通知", "的通知"}, {"意见", "的意见"}, {"办法", "管理办法"}, {"决定", "的决定"},
    {"批复", "的批复"}, {"方案", "实施方案"}, {"规定", "若干规定"}
  };
  static final String[] SUBJECTS = {
    "财政、金融、审计", "统计", "科技、教育", "农业、畜牧业、渔业", "城乡建设、环境保护", "综合政务",
    "国民经济管理、国有资产监管", "劳动、人事、监察", "卫生、体育", "民政、扶贫、救灾"
  };
  static final String[][] ISSUERS = {
    {"人民政府", "政发"}, {"人民政府办公厅", "政办发"}, {"财政厅", "财预"}, {"发展和改革委员会", "发改"},
    {"教育厅", "教发"}, {"统计局", "统字"}
  };

  static void generate(Path out, int n, Path corpus) throws IOException {
    Random random = new Random(20240612);
    List<Region> regions = regions();
    List<String> sentences = sentences(corpus);
    Map<String, Integer> serials = new HashMap<>();
    List<Policy.Reference> earlier = new ArrayList<>();
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        Region region = regions.get(random.nextInt(regions.size()));
        String[] issuer = ISSUERS[random.nextInt(ISSUERS.length)];
        String short1 = region.code().equals("150000") ? "内" : region.name().substring(0, 1);
        String issuerName =
            region.name() + (region.level().equals("province") ? issuer[0] : issuer[0].replace("厅", "局"));
        int year = 2010 + random.nextInt(16);
        String code = short1 + issuer[1];
        int serial = serials.merge(code + year, 1, Integer::sum);
        String canonical = code + "〔" + year + "〕" + serial + "号";
        String asWritten =
            switch (random.nextInt(5)) {
              case 0 -> code + "[" + year + "]" + serial + "号";
              case 1 -> code + "（" + year + "）" + serial + "号";
              default -> canonical;
            };
        String[] kind = KINDS[random.nextInt(KINDS.length)];
        String phrase = phrase(sentences, random, 6 + random.nextInt(10));
        String title = region.name() + "关于" + phrase + kind[1];
        LocalDate written = LocalDate.of(year, 1, 1).plusDays(random.nextInt(360));
        LocalDate published = written.plusDays(random.nextInt(15));
        LocalDate effective = random.nextInt(3) == 0 ? null : published.plusDays(random.nextInt(30));
        int v = random.nextInt(100);
        Policy.Validity validity =
            v < 85 ? Policy.Validity.VALID : v < 90 ? Policy.Validity.EXPIRED : v < 97 ? Policy.Validity.REPEALED : Policy.Validity.AMENDED;
        LocalDate expiry = validity == Policy.Validity.VALID ? null : published.plusYears(1 + random.nextInt(4));
        Policy.Reference replacedBy =
            (validity == Policy.Validity.REPEALED || validity == Policy.Validity.AMENDED) && !earlier.isEmpty()
                ? earlier.get(random.nextInt(earlier.size()))
                : null;
        int start = random.nextInt(sentences.size());
        int length = 8 + random.nextInt(23);
        StringBuilder body = new StringBuilder();
        for (int s = 0; s < length; s++) {
          body.append(sentences.get((start + s) % sentences.size())).append('。');
        }
        List<Policy.Attachment> attachments =
            random.nextInt(10) < 3
                ? List.of(new Policy.Attachment(UUID.randomUUID(), "附件1.pdf", "application/pdf",
                    20_000 + random.nextInt(500_000), "0".repeat(64),
                    String.join("。", sentences.subList(start % (sentences.size() - 10), start % (sentences.size() - 10) + 5))))
                : List.of();
        List<Policy.Interpretation> interpretations =
            random.nextInt(5) == 0
                ? List.of(new Policy.Interpretation(UUID.randomUUID(), "《" + title + "》政策解读", "解读", published))
                : List.of();
        UUID id = new UUID(random.nextLong(), random.nextLong());
        Policy policy =
            new Policy(id, 1 + random.nextInt(3), title,
                new Policy.IssuedNumber(canonical, asWritten, code, year, serial),
                "11150000" + String.format(Locale.ROOT, "%07d", i % 10_000_000) + "/" + year + "-" + String.format(Locale.ROOT, "%05d", serial),
                issuerName, kind[0], SUBJECTS[random.nextInt(SUBJECTS.length)], region.code(),
                written, published, effective, expiry, validity, replacedBy, body.toString(),
                attachments, interpretations);
        writer.write(JSON.writeValueAsString(policy));
        writer.write('\n');
        if (random.nextInt(20) == 0) {
          earlier.add(new Policy.Reference(id, canonical, title));
        }
      }
    }
  }

  static String phrase(List<String> sentences, Random random, int length) {
    String s = sentences.get(random.nextInt(sentences.size())).replaceAll("[^\\p{IsHan}]", "");
    if (s.length() <= length) {
      return s;
    }
    int at = random.nextInt(s.length() - length);
    return s.substring(at, at + length);
  }

  static List<Policy> read(Path file, int limit) throws IOException {
    List<Policy> policies = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      String line;
      while ((line = reader.readLine()) != null && policies.size() < limit) {
        policies.add(JSON.readValue(line, Policy.class));
      }
    }
    return policies;
  }

  // ---------------------------------------------------------------- segmentation cost

  static void segmentation(Path file, Path out) throws IOException {
    ChineseText text = new ChineseText();
    List<String> bodies = read(file, 1500).stream().map(Policy::body).toList();
    long chars = bodies.stream().mapToLong(String::length).sum();
    for (int warm = 0; warm < 2; warm++) {
      bodies.forEach(b -> text.words(text.fold(b)));
    }
    long[] fold = new long[3];
    long[] words = new long[3];
    for (int r = 0; r < 3; r++) {
      long t0 = System.nanoTime();
      List<String> folded = bodies.stream().map(text::fold).toList();
      long t1 = System.nanoTime();
      folded.forEach(text::words);
      long t2 = System.nanoTime();
      fold[r] = t1 - t0;
      words[r] = t2 - t1;
    }
    Arrays.sort(fold);
    Arrays.sort(words);
    double foldMs = fold[1] / 1e6;
    double wordsMs = words[1] / 1e6;
    String result =
        "| step | per document (avg %d chars) | throughput, one thread |\n|---|---|---|\n".formatted(chars / bodies.size())
            + "| fold (NFKC + opencc4j traditional→simplified) | %.3f ms | %.2f M chars/s |\n".formatted(foldMs / bodies.size(), chars / foldMs / 1000)
            + "| segment (SmartChineseAnalyzer) | %.3f ms | %.2f M chars/s |\n".formatted(wordsMs / bodies.size(), chars / wordsMs / 1000)
            + "| both | %.3f ms | %.0f documents/s |\n".formatted((foldMs + wordsMs) / bodies.size(), bodies.size() / ((foldMs + wordsMs) / 1000));
    Files.writeString(out, result);
    System.out.print(result);
  }

  // ---------------------------------------------------------------- the service's documents

  /**
   * The documents exactly as the service writes them (folded, segmented, completions; the
   * Elasticsearch client's own Jackson 2 mapper), each after its _bulk action line with the external
   * version: the "same documents" baseline sends this file to _bulk unchanged.
   */
  static void documents(Path file, Path out) throws IOException {
    var mapper = new JacksonJsonpMapper().objectMapper();
    PolicyDocuments documents = new PolicyDocuments(new ChineseText(), new RegionTree(), PolicyClock.system());
    List<String> lines = Files.readAllLines(file);
    String[] written = new String[lines.size()];
    java.util.stream.IntStream.range(0, lines.size()).parallel().forEach(i -> {
      try {
        PolicyDocument d = documents.toDocument(JSON.readValue(lines.get(i), Policy.class));
        written[i] = "{\"index\":{\"_id\":\"" + d.id() + "\",\"version\":" + d.version()
            + ",\"version_type\":\"external\"}}\n" + mapper.writeValueAsString(d) + "\n";
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (String w : written) {
        writer.write(w);
      }
    }
  }

  static void subset(Path file, int n, Path out) throws IOException {
    try (var lines = Files.lines(file)) {
      Files.write(out, (Iterable<String>) lines.limit(n)::iterator, StandardCharsets.UTF_8);
    }
  }

  // ---------------------------------------------------------------- indexing

  static void index(String es, String service, String prefix, String secret, Path file, Path documentsFile,
      int runs, Path out) throws Exception {
    long docs = Files.lines(file).count();
    String mapping = new String(SearchBench.class.getClassLoader().getResourceAsStream("elasticsearch/policies.json").readAllBytes(), StandardCharsets.UTF_8)
        .replace("\"number_of_replicas\": 0", "\"number_of_replicas\": 0, \"refresh_interval\": \"-1\"");
    List<Double> cheapRates = new ArrayList<>();
    List<Double> sameRates = new ArrayList<>();
    List<Double> serviceRates = new ArrayList<>();
    List<Double> sameEsMs = new ArrayList<>();
    List<Double> serviceEsMs = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      // rotate the order, so that no path always runs first (or last) in a run
      for (int k = 0; k < 3; k++) {
        switch ((r + k) % 3) {
          case 0 -> cheapRates.add(rawBulk(es, prefix + "raw-bulk", file, docs, CHEAP_MAPPING, false, null));
          case 1 -> {
            double[] esMs = new double[1];
            sameRates.add(rawBulk(es, prefix + "raw-docs", documentsFile, docs, mapping, true, esMs));
            sameEsMs.add(esMs[0] / docs);
          }
          default -> {
            serviceRates.add(serviceRebuild(service, es, file, docs, secret));
            serviceEsMs.add(indexTimeMs(es, prefix + "policies") / docs);
          }
        }
      }
      System.out.printf("indexing run %d: raw (standard analyzer) %.0f, raw (service documents) %.0f, service %.0f docs/s%n",
          r + 1, cheapRates.get(r), sameRates.get(r), serviceRates.get(r));
    }
    double cheap = median(cheapRates);
    double same = median(sameRates);
    double svc = median(serviceRates);
    StringBuilder report = new StringBuilder();
    report.append("**Indexing %d policies** (median of %d interleaved runs each, order rotated per run; "
            .formatted(docs, runs))
        .append("\"ES ms/doc\" is Elasticsearch's own `index_time_in_millis` per document, median):\n\n")
        .append("| path | docs/s (runs) | median | ES ms/doc | service ÷ this |\n|---|---|---|---|---|\n")
        .append("| **baseline**: raw `_bulk` of the service's own documents (the documents the rebuild writes, already folded and segmented, same mapping `policies.json`, external versions, refresh off), 500 per request, 2 in flight | %s | %.0f | %.2f | **%.2f** (target ≥ 0.50) |\n"
            .formatted(list(sameRates), same, median(sameEsMs), svc / same))
        .append("| old cheap baseline: raw `_bulk` of the catalog-shaped JSON lines (`standard` analyzer on title/body, no segmentation, no completions) | %s | %.0f | – | %.2f |\n"
            .formatted(list(cheapRates), cheap, svc / cheap))
        .append("| service rebuild `POST /admin/reindex` (read file, fold + segment, 500 per `_bulk`, 2 in flight, refresh off while loading, alias switch) | %s | %.0f | %.2f | – |\n\n"
            .formatted(list(serviceRates), svc, median(serviceEsMs)));
    Files.writeString(out, report.toString());
    System.out.print(report);
  }

  static double indexTimeMs(String es, String index) throws Exception {
    String stats = send("GET", es + "/" + index + "/_stats/indexing", null).body();
    var node = JSON.readTree(stats).path("_all").path("primaries").path("indexing").path("index_time_in_millis");
    return node.asDouble();
  }

  // ---------------------------------------------------------------- queries

  static void queries(String es, String service, String prefix, Path file, int runs, int queries, Path out)
      throws Exception {
    String alias = prefix + "policies";
    StringBuilder report = new StringBuilder();
    List<Policy> sample = read(file, 20_000);
    Random random = new Random(7);
    ChineseText text = new ChineseText();
    List<String> keywords = new ArrayList<>();
    List<Policy> numbered = new ArrayList<>();
    List<LocalDate> dates = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      Policy p = sample.get(random.nextInt(sample.size()));
      keywords.add(phrase(List.of(p.body().split("。")), random, 4 + random.nextInt(3)));
      numbered.add(sample.get(random.nextInt(sample.size())));
      dates.add(LocalDate.of(2010 + random.nextInt(16), 1 + random.nextInt(12), 1));
      // what a person has typed so far: 2-5 characters of a title, from its start or after 关于
      String title = sample.get(random.nextInt(sample.size())).title();
      int at = random.nextBoolean() ? 0 : Math.max(0, title.indexOf("关于") + 2);
      prefixes.add(title.substring(at, Math.min(title.length(), at + 2 + random.nextInt(4))));
    }
    record Kind(String name, Function<Integer, String> servicePath, Function<Integer, String[]> raw) {}
    Function<DocumentQuery, String> body = q -> JsonpUtils.toJsonString(DocumentQueryBuilder.build(alias, q, true), new JacksonJsonpMapper());
    List<Kind> kinds = List.of(
        new Kind("keyword (`q`, facets + highlight)",
            i -> "/api/v1/search/documents?q=" + enc(keywords.get(i)),
            i -> {
              String folded = text.fold(keywords.get(i));
              return new String[] {"/" + alias + "/_search", body.apply(query(new DocumentQuery.Text(folded, text.wordList(folded)), null, null, null))};
            }),
        new Kind("document number (`documentNumber=`, facets)",
            i -> "/api/v1/search/documents?documentNumber=" + enc(numbered.get(i).documentNumber().asWritten()),
            i -> {
              DocumentNumber n = DocumentNumbers.parse(numbered.get(i).documentNumber().asWritten());
              return new String[] {"/" + alias + "/_search", body.apply(query(null, n, null, null))};
            }),
        new Kind("date range (3 months, newest first, facets)",
            i -> "/api/v1/search/documents?from=" + dates.get(i) + "&to=" + dates.get(i).plusMonths(3).minusDays(1),
            i -> new String[] {"/" + alias + "/_search", body.apply(query(null, null, dates.get(i), dates.get(i).plusMonths(3).minusDays(1)))}),
        new Kind("number lookup (`/documents/by-number/{n}`)",
            i -> "/api/v1/search/documents/by-number/" + enc(numbered.get(i).documentNumber().asWritten()).replace("+", "%20"),
            i -> {
              String key = DocumentNumbers.parse(numbered.get(i).documentNumber().asWritten()).key();
              return new String[] {"/" + alias + "/_search", JsonpUtils.toJsonString(DocumentSearch.byNumberRequest(alias, key), new JacksonJsonpMapper())};
            }),
        new Kind("suggest (`/suggest?prefix=`, 2–5 characters of a title)",
            i -> "/api/v1/search/suggest?prefix=" + enc(prefixes.get(i)),
            i -> new String[] {"/" + alias + "/_search", JsonpUtils.toJsonString(
                Suggestions.request(alias, text.fold(prefixes.get(i).trim()), Suggestions.numberPrefix(prefixes.get(i)), 8), new JacksonJsonpMapper())}));
    report.append("**Queries** against %s documents (%d different queries per kind, one client, sequential; p50/p95 in ms per run, median of %d interleaved runs; query cache off):\n\n"
            .formatted(send("GET", es + "/" + alias + "/_count", null).body().replaceAll(".*\"count\":([0-9]+).*", "$1"), queries, runs))
        .append("| query | raw ES p50 | raw ES p95 | service p50 | service p95 | p95 ratio (target ≤ 1.3) |\n|---|---|---|---|---|---|\n");
    // -Dbench.kinds=number,date: only the kinds whose name contains one of these (quick probes)
    List<String> only = Arrays.stream(System.getProperty("bench.kinds", "").split(","))
        .filter(k -> !k.isBlank()).toList();
    for (Kind kind : kinds) {
      if (!only.isEmpty() && only.stream().noneMatch(kind.name()::contains)) {
        continue;
      }
      // warm-up, not measured: -Dbench.warmupPasses (default 1) passes each way
      for (int w = 0; w < WARMUP_PASSES; w++) {
        pass(service, es, kind.servicePath(), kind.raw(), queries, true);
        pass(service, es, kind.servicePath(), kind.raw(), queries, false);
      }
      List<double[]> serviceRuns = new ArrayList<>();
      List<double[]> rawRuns = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        if (r % 2 == 0) {
          serviceRuns.add(pass(service, es, kind.servicePath(), kind.raw(), queries, true));
          rawRuns.add(pass(service, es, kind.servicePath(), kind.raw(), queries, false));
        } else {
          rawRuns.add(pass(service, es, kind.servicePath(), kind.raw(), queries, false));
          serviceRuns.add(pass(service, es, kind.servicePath(), kind.raw(), queries, true));
        }
      }
      double rawP50 = median(rawRuns.stream().map(a -> a[0]).toList());
      double rawP95 = median(rawRuns.stream().map(a -> a[1]).toList());
      double svcP50 = median(serviceRuns.stream().map(a -> a[0]).toList());
      double svcP95 = median(serviceRuns.stream().map(a -> a[1]).toList());
      String line = "| %s | %.1f | %.1f %s | %.1f | %.1f %s | %.2f |\n".formatted(kind.name(), rawP50, rawP95,
          runsOf(rawRuns), svcP50, svcP95, runsOf(serviceRuns), svcP95 / rawP95);
      System.out.print(line);
      report.append(line);
    }
    Files.writeString(out, report.toString());
  }

  /** The query the service sends for these parameters (first page, size 20, default sort). */
  static DocumentQuery query(DocumentQuery.Text text, DocumentNumber number, LocalDate from, LocalDate to) {
    return new DocumentQuery(text, null, number, null, null, null, null, null, null,
        DocumentQuery.DateField.PUBLISHED, from, to, null, null, null, 0, 20, null, List.of());
  }

  static double[] pass(String service, String es, Function<Integer, String> servicePath,
      Function<Integer, String[]> raw, int queries, boolean viaService) throws Exception {
    List<Double> latencies = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      HttpRequest request;
      if (viaService) {
        request = HttpRequest.newBuilder(URI.create(service + servicePath.apply(i))).GET().build();
      } else {
        String[] r = raw.apply(i);
        request = HttpRequest.newBuilder(URI.create(es + r[0]))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(r[1])).build();
      }
      long t0 = System.nanoTime();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      long t1 = System.nanoTime();
      if (response.statusCode() != 200) {
        throw new IllegalStateException(request.uri() + " -> " + response.statusCode() + " " + response.body());
      }
      latencies.add((t1 - t0) / 1e6);
    }
    Collections.sort(latencies);
    return new double[] {percentile(latencies, 50), percentile(latencies, 95)};
  }

  static final String CHEAP_MAPPING = """
        {"settings":{"number_of_shards":1,"number_of_replicas":0,"refresh_interval":"-1"},
         "mappings":{"dynamic_templates":[{"strings":{"match_mapping_type":"string","mapping":{"type":"keyword","ignore_above":256}}}],
          "properties":{"title":{"type":"text","analyzer":"standard"},"body":{"type":"text","analyzer":"standard"},
           "attachments":{"properties":{"extractedText":{"type":"text","analyzer":"standard"}}},
           "interpretations":{"properties":{"title":{"type":"text","analyzer":"standard"},"body":{"type":"text","analyzer":"standard"}}},
           "replacedBy":{"properties":{"title":{"type":"text","analyzer":"standard"}}}}}}""";

  /**
   * Sends FILE to _bulk, 500 documents per request, 2 in flight: JSON lines (an action line is
   * added) or, with {@code actions}, a file that already alternates action and document lines.
   */
  static double rawBulk(String es, String index, Path file, long docs, String mapping, boolean actions,
      double[] esIndexMs) throws Exception {
    send("DELETE", es + "/" + index, null);
    check(send("PUT", es + "/" + index, mapping));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Semaphore inFlight = new Semaphore(2);
    List<Future<?>> futures = new ArrayList<>();
    long t0 = System.nanoTime();
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      StringBuilder batch = new StringBuilder();
      int count = 0;
      String line;
      while (true) {
        line = reader.readLine();
        if (line != null) {
          if (actions) {
            batch.append(line).append('\n').append(reader.readLine()).append('\n');
          } else {
            String id = line.substring(line.indexOf("\"id\":\"") + 6, line.indexOf("\"id\":\"") + 42);
            batch.append("{\"index\":{\"_id\":\"").append(id).append("\"}}\n").append(line).append('\n');
          }
          count++;
        }
        if ((count == 500 || line == null) && count > 0) {
          String payload = batch.toString();
          batch.setLength(0);
          count = 0;
          inFlight.acquire();
          futures.add(pool.submit(() -> {
            try {
              HttpResponse<String> response = send("POST", es + "/" + index + "/_bulk", payload, "application/x-ndjson");
              if (response.statusCode() != 200 || response.body().startsWith("{\"errors\":true")) {
                throw new IllegalStateException("bulk failed: " + response.body().substring(0, Math.min(500, response.body().length())));
              }
            } finally {
              inFlight.release();
            }
            return null;
          }));
        }
        if (line == null) {
          break;
        }
      }
    }
    for (Future<?> f : futures) {
      f.get();
    }
    check(send("PUT", es + "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}"));
    check(send("POST", es + "/" + index + "/_refresh", null));
    long t1 = System.nanoTime();
    pool.shutdown();
    String count = send("GET", es + "/" + index + "/_count", null).body();
    if (!count.contains("\"count\":" + docs)) {
      throw new IllegalStateException("raw index holds " + count);
    }
    if (esIndexMs != null) {
      esIndexMs[0] = indexTimeMs(es, index);
    }
    send("DELETE", es + "/" + index, null);
    return docs / ((t1 - t0) / 1e9);
  }

  static double serviceRebuild(String service, String es, Path file, long docs, String secret) throws Exception {
    String token = "Bearer " + IdentityToken.mint(secret, "bench-admin", List.of(Role.ADMIN), Duration.ofSeconds(60), Instant.now());
    long t0 = System.nanoTime();
    HttpResponse<String> started = HTTP.send(
        HttpRequest.newBuilder(URI.create(service + "/api/v1/search/admin/reindex?index=policies"))
            .header("Authorization", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    if (started.statusCode() != 202) {
      throw new IllegalStateException("reindex: " + started.statusCode() + " " + started.body());
    }
    String location = started.headers().firstValue("Location").orElseThrow();
    while (true) {
      String t = "Bearer " + IdentityToken.mint(secret, "bench-admin", List.of(Role.ADMIN), Duration.ofSeconds(60), Instant.now());
      String job = HTTP.send(HttpRequest.newBuilder(URI.create(service + location)).header("Authorization", t).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body();
      if (job.contains("\"SUCCEEDED\"")) {
        break;
      }
      if (job.contains("\"FAILED\"")) {
        throw new IllegalStateException(job);
      }
      Thread.sleep(200);
    }
    long t1 = System.nanoTime();
    return docs / ((t1 - t0) / 1e9);
  }

  static HttpResponse<String> send(String method, String url, String body) throws Exception {
    return send(method, url, body, "application/json");
  }

  static HttpResponse<String> send(String method, String url, String body, String type) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5));
    builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", type);
    }
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void check(HttpResponse<String> response) {
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }

  static double percentile(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  static String list(List<Double> values) {
    return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
  }

  static String runsOf(List<double[]> runs) {
    return "(" + String.join(", ", runs.stream().map(a -> String.format(Locale.ROOT, "%.1f", a[1])).toList()) + ")";
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
