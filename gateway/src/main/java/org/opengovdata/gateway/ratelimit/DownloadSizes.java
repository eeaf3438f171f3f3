package org.opengovdata.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.opengovdata.gateway.caller.RouteGroup;
import org.springframework.stereotype.Component;

/**
 * The rate-limit group of a dataset's download file ({@code
 * /api/v1/catalog/datasets/{id}/download}) by its size: a small file (a code list, 三公经费) is an
 * ordinary read, a large one a bulk download — the same rows as the dataset's CSV export, which is
 * always bulk.
 *
 * <p>The size is only known from the answer's {@code Content-Length}. So a download is charged to
 * the group its file was in last time (bulk while unknown: never cheaper than it may be), and
 * settled once the answer's headers are in ({@link #groupOf}): a small file charged as bulk gets
 * the bulk slot back and costs a read, a file that grew past the limit costs a bulk slot as well.
 * Per instance, in memory, a handful of entries (one per dataset).
 */
@Component
public class DownloadSizes {

  private static final Pattern DOWNLOAD =
      Pattern.compile("/api/v1/catalog/datasets/[a-z0-9-]{1,64}/download");
  private static final int MAX_ENTRIES = 10_000;

  private final long smallBytes;
  private final Map<String, RouteGroup> learnt = new ConcurrentHashMap<>();

  DownloadSizes(RateLimitProperties properties) {
    this.smallBytes = properties.smallDownload().toBytes();
  }

  public static boolean isDownload(String path) {
    return DOWNLOAD.matcher(path).matches();
  }

  /** The group to charge before the answer: what the file was last time, else bulk. */
  public RouteGroup expected(String path) {
    return learnt.getOrDefault(path, RouteGroup.BULK);
  }

  /**
   * The group a download answered with {@code contentLength} bytes (-1: unknown) belongs to,
   * remembered for the next download of the same file.
   */
  public RouteGroup groupOf(String path, long contentLength) {
    RouteGroup group =
        contentLength >= 0 && contentLength <= smallBytes ? RouteGroup.READ : RouteGroup.BULK;
    if (learnt.size() >= MAX_ENTRIES) {
      learnt.clear(); // only paths of real datasets get here; this bounds a flood of made-up ones
    }
    learnt.put(path, group);
    return group;
  }
}
