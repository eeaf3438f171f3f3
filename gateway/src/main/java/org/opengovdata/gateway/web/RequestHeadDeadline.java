package org.opengovdata.gateway.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request head (request line and headers) is not complete within the
 * deadline of the connection opening or of the previous response. Reactor Netty's own timeouts
 * start only once the head is read, so without this a client sending a byte a second could hold a
 * connection for as long as it liked. Sits right after the HTTP codec, so it sees decoded requests.
 */
final class RequestHeadDeadline extends ChannelDuplexHandler {

  private final long deadlineMillis;
  private ScheduledFuture<?> timer;
  private long requestsRead;
  private long responsesWritten;

  RequestHeadDeadline(Duration deadline) {
    this.deadlineMillis = deadline.toMillis();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    arm(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    disarm();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    disarm();
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest) {
      requestsRead++;
      disarm();
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    if (msg instanceof LastHttpContent) {
      responsesWritten++;
      if (responsesWritten >= requestsRead) {
        arm(ctx);
      }
    }
    super.write(ctx, msg, promise);
  }

  private void arm(ChannelHandlerContext ctx) {
    disarm();
    timer = ctx.executor().schedule(() -> ctx.close(), deadlineMillis, TimeUnit.MILLISECONDS);
  }

  private void disarm() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
