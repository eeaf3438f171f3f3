package org.opengovdata.archive.capture;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengovdata.archive.record.RetentionClass;
import org.opengovdata.common.events.ConsumerConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code opendata.archive.capture.*}: the capture of published policies into the archive (consumer
 * group {@code archive-capture} on {@code opendata.events}).
 *
 * @param enabled whether this instance consumes policy events ({@code ARCHIVE_CAPTURE_ENABLED})
 * @param catalogUrl where the catalog service answers ({@code CATALOG_URL})
 * @param catalogTimeout connect and read time-out of one catalog request; a time-out is "retry
 *     later", never a lost event
 * @param consumer this instance's name in the group; the pod name in a cluster ({@code HOSTNAME})
 * @param retention retention class by the policy's document type, {@code 规范性文件=PERMANENT,…}
 * @param defaultRetention the class of every document type not in {@code retention}
 */
@Validated
@ConfigurationProperties("opendata.archive.capture")
public record CaptureProperties(
    @DefaultValue("true") boolean enabled,
    @NotNull @DefaultValue("http://localhost:8081") URI catalogUrl,
    @NotNull @DefaultValue("10s") Duration catalogTimeout,
    @NotBlank @DefaultValue("opendata.events") String stream,
    @NotBlank @DefaultValue("archive-capture") String group,
    @NotBlank @DefaultValue("archive-service") String consumer,
    @Min(1) @DefaultValue("20") int batchSize,
    @NotNull @DefaultValue("2s") Duration block,
    @NotNull @DefaultValue("60s") Duration claimIdle,
    @NotNull @DefaultValue("5s") Duration claimInterval,
    @Min(1) @DefaultValue("5") int maxDeliveries,
    @NotNull @DefaultValue("500ms") Duration backoffInitial,
    @NotNull @DefaultValue("30s") Duration backoffMax,
    @NotNull @DefaultValue(DEFAULT_RETENTION) String retention,
    @NotNull @DefaultValue("Y30") RetentionClass defaultRetention)
    implements ConsumerConfiguration {

  /** Without configuration: 规范性文件, 政府规章 and 命令 are kept forever. */
  public static final String DEFAULT_RETENTION = "规范性文件=PERMANENT,政府规章=PERMANENT,命令=PERMANENT";

  public CaptureProperties {
    retentionByType(retention); // refuse a malformed map at start-up, not at the first event
  }

  /** The retention class of a policy of this document type (as the catalog writes it). */
  public RetentionClass retentionOf(String documentType) {
    return documentType == null
        ? defaultRetention
        : retentionByType(retention).getOrDefault(documentType, defaultRetention);
  }

  /**
   * {@code type=CLASS,type=CLASS} ({@code ARCHIVE_CAPTURE_RETENTION}): a string rather than a
   * property map, because map keys from environment variables cannot be Chinese.
   */
  static Map<String, RetentionClass> retentionByType(String spec) {
    Map<String, RetentionClass> map = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "opendata.archive.capture.retention: '" + pair.strip() + "' is not type=CLASS");
      }
      String type = pair.substring(0, eq).strip();
      String value = pair.substring(eq + 1).strip();
      try {
        map.put(type, RetentionClass.valueOf(value));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "opendata.archive.capture.retention: '%s' is not one of %s"
                .formatted(value, java.util.Arrays.toString(RetentionClass.values())),
            e);
      }
    }
    return map;
  }
}
