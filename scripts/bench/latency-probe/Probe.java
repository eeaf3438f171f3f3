import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import java.io.*;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import org.opengovdata.docnumber.*;
import org.opengovdata.search.policy.query.*;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Temporary: sequential, per-request interleaved raw/service, client nanoTime stamps. */
public class Probe {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  public static void main(String[] a) throws Exception {
    String es = a[0], svc = a[1], alias = a[2];
    Path file = Path.of(a[3]);
    String kind = a[4];
    int warm = Integer.parseInt(a[5]), n = Integer.parseInt(a[6]);
    PrintWriter out = new PrintWriter(new FileWriter(a[7]));
    JsonMapper json = JsonMapper.builder().build();
    List<String> numbers = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file)) {
      String line; int k = 0;
      while ((line = r.readLine()) != null && k++ < 20000) {
        JsonNode node = json.readTree(line);
        numbers.add(node.get("documentNumber").get("asWritten").asString());
      }
    }
    Random random = new Random(7);
    List<String> picks = new ArrayList<>();
    for (int i = 0; i < warm + n; i++) picks.add(numbers.get(random.nextInt(numbers.size())));
    out.println("seq raw_t0 raw_t1 svc_t0 svc_t1 raw_bytes svc_bytes");
    for (int i = 0; i < warm + n; i++) {
      String w = picks.get(i);
      DocumentNumber dn = DocumentNumbers.parse(w);
      String path, body;
      if (kind.equals("bynumber")) {
        path = "/api/v1/search/documents/by-number/" + URLEncoder.encode(w, StandardCharsets.UTF_8).replace("+", "%20");
        body = JsonpUtils.toJsonString(DocumentSearch.byNumberRequest(alias, dn.key()), new JacksonJsonpMapper());
      } else {
        path = "/api/v1/search/documents?documentNumber=" + URLEncoder.encode(w, StandardCharsets.UTF_8);
        body = JsonpUtils.toJsonString(DocumentQueryBuilder.build(alias, new DocumentQuery(null, null, dn, null, null, null, null, null, null,
            DocumentQuery.DateField.PUBLISHED, null, null, null, null, null, 0, 20, null, List.of()), true), new JacksonJsonpMapper());
      }
      String rawUrl = es + "/" + alias + "/_search" + (System.getProperty("rawparams") != null ? System.getProperty("rawparams") : "");
      HttpRequest raw = HttpRequest.newBuilder(URI.create(rawUrl)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
      HttpRequest.Builder sb = HttpRequest.newBuilder(URI.create(svc + path)).GET();
      if (i >= warm) sb.header("X-Probe", Integer.toString(i + (kind.equals("bynumber") ? 100000 : 0)));
      HttpRequest s = sb.build();
      long r0 = System.nanoTime();
      HttpResponse<byte[]> rr = HTTP.send(raw, HttpResponse.BodyHandlers.ofByteArray());
      long r1 = System.nanoTime();
      long s0 = System.nanoTime();
      HttpResponse<byte[]> sr = HTTP.send(s, HttpResponse.BodyHandlers.ofByteArray());
      long s1 = System.nanoTime();
      if (rr.statusCode() != 200 || sr.statusCode() != 200) throw new IllegalStateException(rr.statusCode() + " " + sr.statusCode() + " " + new String(sr.body()));
      if (i >= warm) out.printf("%d %d %d %d %d %d %d%n", i + (kind.equals("bynumber") ? 100000 : 0), r0, r1, s0, s1, rr.body().length, sr.body().length);
    }
    out.close();
  }
}
