package org.opengovdata.gateway.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Closes a connection whose request body arrives slower, on average, than {@code minBytesPerSecond}
 * once {@code graceNanos} have passed since the request head — the trickle (a byte a second) that
 * never pauses long enough for the read time-out, yet holds a connection for as long as {@code
 * request-timeout} (10 min). Apache's {@code mod_reqtimeout MinRate} is the model. Checked as each
 * piece of body arrives, so there is no timer; a body that stops entirely is the read time-out's.
 */
final class BodyRateFloor extends ChannelInboundHandlerAdapter {

  private final long minBytesPerSecond;
  private final long graceNanos;
  private long bodyStartNanos = -1;
  private long bodyBytes;

  BodyRateFloor(long minBytesPerSecond, long graceNanos) {
    this.minBytesPerSecond = minBytesPerSecond;
    this.graceNanos = graceNanos;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest) {
      bodyStartNanos = System.nanoTime();
      bodyBytes = 0;
    }
    if (msg instanceof HttpContent content && bodyStartNanos >= 0) {
      bodyBytes += content.content().readableBytes();
      if (msg instanceof LastHttpContent) {
        bodyStartNanos = -1;
      } else if (tooSlow()) {
        content.release();
        ctx.close();
        return;
      }
    }
    super.channelRead(ctx, msg);
  }

  private boolean tooSlow() {
    long elapsed = System.nanoTime() - bodyStartNanos;
    return elapsed > graceNanos && bodyBytes * 1_000_000_000L < minBytesPerSecond * elapsed;
  }
}
