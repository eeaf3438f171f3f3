package org.opengovdata.gateway.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Asks the connection for the next request once a response has been written, after whatever Reactor
 * Netty does at that moment. Reactor Netty reads a kept-alive connection only on demand and asks
 * for the next bytes when a response ends — except when requests are queued: a request that arrives
 * before the previous response has finished is queued with its end, and if that queued request is
 * answered at once, on the same thread (a refusal the gateway decides in memory: a 429, a 401, a
 * 413), Reactor Netty drains the rest of the queue instead of asking for more bytes, and nothing
 * asks afterwards (reactor/reactor-netty#4361, fixed after 1.3.6). The client's next request was
 * then never read, and the request head deadline closed the connection 10 s later without a byte.
 * The extra read is what Reactor Netty does itself after any other response; queued after the write
 * completes, it comes after Reactor Netty's own drain of the queue, so a request already queued is
 * never overtaken.
 */
final class ResumeReadAfterResponse extends ChannelOutboundHandlerAdapter {

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    if (!(msg instanceof LastHttpContent)) {
      super.write(ctx, msg, promise);
      return;
    }
    ChannelPromise written = promise.unvoid();
    written.addListener(
        done -> {
          if (done.isSuccess()) {
            ctx.executor().execute(() -> readIfOpen(ctx));
          }
        });
    super.write(ctx, msg, written);
  }

  private static void readIfOpen(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive() && !ctx.channel().config().isAutoRead()) {
      ctx.read();
    }
  }
}
