package org.opengovdata.common.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** X-Request-Id handling shared by the gateway and the services. */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";

  /** Accept a caller's id only if it is short and harmless in logs and headers. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  /** The caller's id when it is safe to reuse, otherwise a fresh one. */
  public static String reuseOrCreate(String inbound) {
    if (reusable(inbound)) {
      return inbound;
    }
    return UUID.randomUUID().toString();
  }

  /** Whether a caller's id is short and harmless enough to reuse. */
  public static boolean reusable(String inbound) {
    return inbound != null && SAFE.matcher(inbound).matches();
  }
}
