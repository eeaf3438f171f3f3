package org.opengovdata.gateway.keys;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.util.retry.Retry;

/**
 * Lists the bootstrap admin key ({@code ADMIN_API_KEY}) among the keys once Redis answers. Runs in
 * the background so a gateway can start while Redis is still coming up.
 */
@Component
class BootstrapAdminKey {

  private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);

  private final ApiKeys keys;

  BootstrapAdminKey(ApiKeys keys) {
    this.keys = keys;
  }

  @EventListener(ApplicationReadyEvent.class)
  void register() {
    keys.registerBootstrapAdmin()
        .retryWhen(
            Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
        .subscribe(null, error -> log.error("could not register the bootstrap admin key", error));
  }
}
