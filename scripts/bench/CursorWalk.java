import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark client (run as a single-file program: java CursorWalk.java URL): follows
 * meta.nextCursor from the first page to the last and checks that every line item id arrives
 * exactly once. Prints one line: rows pages duplicates seconds.
 */
public class CursorWalk {

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([A-Za-z0-9_.-]+)\"");

  public static void main(String[] args) throws Exception {
    String first = args[0];
    HttpClient client = HttpClient.newHttpClient();
    BitSet seen = new BitSet();
    long rows = 0;
    long duplicates = 0;
    long pages = 0;
    long started = System.nanoTime();
    String cursor = null;
    do {
      String url = cursor == null ? first : first + "&cursor=" + cursor;
      HttpResponse<String> response =
          client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      String body = response.body();
      Matcher ids = ID.matcher(body);
      while (ids.find()) {
        int id = Integer.parseInt(ids.group(1));
        if (seen.get(id)) {
          duplicates++;
        }
        seen.set(id);
        rows++;
      }
      Matcher next = NEXT.matcher(body);
      cursor = next.find() ? next.group(1) : null;
      pages++;
    } while (cursor != null);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("%d %d %d %d %.1f%n", rows, seen.cardinality(), pages, duplicates, seconds);
  }
}
