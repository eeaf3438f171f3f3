package org.opengovdata.gateway.web;

/** A request body over the limit of its route (raised while counting a streamed body). */
public class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(long limitBytes) {
    super(
        "The request body is larger than the %s this endpoint accepts."
            .formatted(BodyLimits.describe(limitBytes)));
  }
}
