package org.opengovdata.gateway.keys;

import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import org.opengovdata.common.security.Role;
import org.opengovdata.gateway.api.KeysApi;
import org.opengovdata.gateway.api.model.ConsumerKeyRequestDto;
import org.opengovdata.gateway.api.model.IssuedKeyDto;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Self-service: anyone may get a consumer key (the route group "signup" is tightly limited). */
@RestController
class ConsumerKeysController implements KeysApi {

  private final ApiKeys keys;

  ConsumerKeysController(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public Mono<ResponseEntity<IssuedKeyDto>> requestConsumerKey(
      Mono<ConsumerKeyRequestDto> request, ServerWebExchange exchange) {
    return request
        .flatMap(
            body ->
                keys.issue(
                    body.getName() == null || body.getName().isBlank()
                        ? "self-service key"
                        : body.getName().strip(),
                    body.getEmail(),
                    EnumSet.of(Role.CONSUMER),
                    Map.of()))
        .map(
            issued ->
                ResponseEntity.created(URI.create("/api/v1/admin/keys/" + issued.record().id()))
                    .body(KeyDtos.issued(issued)));
  }
}
