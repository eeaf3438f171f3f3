package org.opengovdata.gateway.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.opengovdata.common.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request head the HTTP codec could not decode — a request line over {@code
 * server.netty.max-initial-line-length} (414), headers over {@code
 * server.max-http-request-header-size} (431), anything else malformed (400) — with problem+json
 * instead of Reactor Netty's empty body, then closes the connection (the codec cannot read on after
 * a broken head). Sits right after the HTTP codec, before Reactor Netty sees the request; nothing
 * of the request is echoed.
 */
final class MalformedRequestHead extends ChannelInboundHandlerAdapter {

  private static final Logger access = LoggerFactory.getLogger("opendata.access");
  private boolean refused;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    DecoderResult result =
        msg instanceof HttpObject object ? object.decoderResult() : DecoderResult.SUCCESS;
    if (!result.isFailure()) {
      super.channelRead(ctx, msg);
      return;
    }
    refused = true;
    ReferenceCountUtil.release(msg);
    ProblemType type = typeOf(result.cause());
    access.info(
        "- - {} 0ms key=- id=- (request head refused by the HTTP codec)", type.status().value());
    ctx.writeAndFlush(problem(type)).addListener(ChannelFutureListener.CLOSE);
  }

  static ProblemType typeOf(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return ProblemType.URI_TOO_LONG;
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return ProblemType.HEADERS_TOO_LARGE;
    }
    return ProblemType.INVALID_PARAMETER;
  }

  private static FullHttpResponse problem(ProblemType type) {
    String detail =
        switch (type) {
          case URI_TOO_LONG -> "The request line is longer than this gateway accepts.";
          case HEADERS_TOO_LARGE -> "The request headers are larger than this gateway accepts.";
          default -> "The request could not be parsed as HTTP.";
        };
    String json =
        "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
            .formatted(type.uri(), type.title(), type.status().value(), detail);
    ByteBuf body = Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(type.status().value()), body);
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
        .set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
        .set("X-Content-Type-Options", "nosniff");
    return response;
  }
}
