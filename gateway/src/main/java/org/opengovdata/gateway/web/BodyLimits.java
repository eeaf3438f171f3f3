package org.opengovdata.gateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

/**
 * Request body limits (OWASP API4): JSON bodies 1 MB unless a rule for the path allows more, e.g.
 * archive uploads ({@code ARCHIVE_UPLOAD_LIMIT}, 200 MB) and CSV bulk loads.
 *
 * @param rules first matching Ant-style path pattern wins
 */
@ConfigurationProperties("opendata.gateway.body-limits")
public record BodyLimits(@DefaultValue("1MB") DataSize defaultLimit, List<Rule> rules) {

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  public BodyLimits {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  public record Rule(String pattern, DataSize max) {}

  public long limitFor(String path) {
    return rules.stream()
        .filter(rule -> PATHS.match(rule.pattern(), path))
        .findFirst()
        .map(rule -> rule.max().toBytes())
        .orElse(defaultLimit.toBytes());
  }

  static String describe(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
