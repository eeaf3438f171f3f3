package org.opengovdata.gateway.web;

import org.springframework.core.Ordered;

/**
 * The order in which the gateway's stages ({@link WebStage}) see a request, and where they run
 * among web filters ({@link #STAGES}, all of them together in {@link GatewayWebFilter}).
 */
public final class FilterOrder {

  /**
   * The gateway's stages among web filters: right after the web pages' headers (which must be on a
   * page's refusals too, e.g. a 429).
   */
  public static final int STAGES = Ordered.HIGHEST_PRECEDENCE + 1;

  public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;
  public static final int ACCESS_LOG = REQUEST_ID + 1;
  public static final int TRACE_CONTEXT = REQUEST_ID + 2;
  public static final int SECURITY_HEADERS = REQUEST_ID + 3;
  public static final int CORS = REQUEST_ID + 10;
  public static final int BODY_LIMIT = REQUEST_ID + 20;
  public static final int AUTHENTICATION = REQUEST_ID + 30;
  public static final int RATE_LIMIT = REQUEST_ID + 40;
  public static final int ACCESS_DECISION = REQUEST_ID + 50;

  private FilterOrder() {}
}
