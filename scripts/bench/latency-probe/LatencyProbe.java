package org.opengovdata.search.probe;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.AccessLog;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/** TEMPORARY: wall-clock stamps of one sequential request (-Dprobe.file=...). Not for main. */
@Configuration(proxyBeanMethods = false)
public class LatencyProbe {

  static final String FILE = System.getProperty("probe.file");
  public static final boolean ON = FILE != null;
  // one request at a time (sequential client): plain statics
  public static volatile long start, valveIn, filterIn, send, ioReq, ioResp, back, parsed, ctrlOut,
      filterOut, valveOut, logged;
  static volatile String seq;
  static PrintWriter out;

  static synchronized void write() {
    try {
      if (out == null) {
        out = new PrintWriter(new FileWriter(FILE, true));
        out.println("seq start valveIn filterIn send ioReq ioResp back parsed ctrlOut filterOut valveOut logged");
      }
      out.printf("%s %d %d %d %d %d %d %d %d %d %d %d %d%n", seq, start, valveIn, filterIn, send,
          ioReq, ioResp, back, parsed, ctrlOut, filterOut, valveOut, logged);
      out.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void stamp(int which) {
    if (!ON) return;
    long t = System.nanoTime();
    switch (which) {
      case 1 -> send = t;
      case 2 -> ioReq = t;
      case 3 -> ioResp = t;
      case 4 -> back = t;
      case 5 -> parsed = t;
      case 6 -> ctrlOut = t;
      default -> { }
    }
  }

  static final class ProbeValve extends ValveBase implements AccessLog {
    ProbeValve() {
      super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
      String s = request.getHeader("X-Probe");
      if (s == null) {
        getNext().invoke(request, response);
        return;
      }
      seq = s;
      start = request.getCoyoteRequest().getStartTimeNanos();
      valveIn = System.nanoTime();
      send = ioReq = ioResp = back = parsed = ctrlOut = filterIn = filterOut = 0;
      getNext().invoke(request, response);
      valveOut = System.nanoTime();
    }

    @Override
    public void log(Request request, Response response, long time) {
      if (request.getHeader("X-Probe") == null) return;
      logged = System.nanoTime();
      write();
    }

    @Override public void setRequestAttributesEnabled(boolean b) { }
    @Override public boolean getRequestAttributesEnabled() { return false; }
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> probeValve() {
    return f -> {
      if (ON) f.addEngineValves(new ProbeValve());
    };
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> probeFilter() {
    FilterRegistrationBean<OncePerRequestFilter> bean =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                  throws ServletException, IOException {
                boolean p = ON && req.getHeader("X-Probe") != null;
                if (p) filterIn = System.nanoTime();
                chain.doFilter(req, res);
                if (p) filterOut = System.nanoTime();
              }
            });
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return bean;
  }
}
