package org.opengovdata.gateway.keys;

import java.net.URI;
import org.opengovdata.common.paging.PageLinks;
import org.opengovdata.common.paging.PageRequest;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.security.Role;
import org.opengovdata.gateway.api.AdminKeysApi;
import org.opengovdata.gateway.api.model.IssuedKeyDto;
import org.opengovdata.gateway.api.model.KeyPageDto;
import org.opengovdata.gateway.api.model.KeyRecordDto;
import org.opengovdata.gateway.api.model.KeyRequestDto;
import org.opengovdata.gateway.api.model.PageLinksDto;
import org.opengovdata.gateway.api.model.PageMetaDto;
import org.opengovdata.gateway.caller.Callers;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
class AdminKeysController implements AdminKeysApi {

  private final ApiKeys keys;

  AdminKeysController(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public Mono<ResponseEntity<IssuedKeyDto>> createKey(
      Mono<KeyRequestDto> request, ServerWebExchange exchange) {
    return Callers.requireRole(exchange, Role.ADMIN)
        .then(request)
        .flatMap(
            body ->
                keys.issue(
                    requireName(body.getName()),
                    body.getOwner(),
                    KeyDtos.roles(body.getRoles()),
                    KeyDtos.limits(body.getLimits()),
                    KeyDtos.scope(body.getScope())))
        .map(
            issued ->
                ResponseEntity.created(URI.create(PATH_CREATE_KEY + "/" + issued.record().id()))
                    .cacheControl(CacheControl.noStore())
                    .body(KeyDtos.issued(issued)));
  }

  @Override
  public Mono<ResponseEntity<KeyPageDto>> listKeys(
      Integer page, Integer size, Boolean includeRevoked, ServerWebExchange exchange) {
    return Callers.requireRole(exchange, Role.ADMIN)
        .then(keys.list(page, size, includeRevoked))
        .map(result -> ResponseEntity.ok(page(result, new PageRequest(page, size), exchange)));
  }

  @Override
  public Mono<ResponseEntity<KeyRecordDto>> getKey(String keyId, ServerWebExchange exchange) {
    return Callers.requireRole(exchange, Role.ADMIN)
        .then(keys.find(keyId))
        .switchIfEmpty(Mono.error(() -> noSuchKey(keyId)))
        .map(key -> ResponseEntity.ok(KeyDtos.record(key)));
  }

  @Override
  public Mono<ResponseEntity<Void>> revokeKey(String keyId, ServerWebExchange exchange) {
    return Callers.requireRole(exchange, Role.ADMIN)
        .then(
            ApiKeys.BOOTSTRAP_ADMIN_ID.equals(keyId)
                ? Mono.error(
                    ApiException.conflict(
                        "The bootstrap admin key comes from ADMIN_API_KEY and cannot be revoked"
                            + " here: change or unset ADMIN_API_KEY and restart the gateway."))
                : keys.revoke(keyId))
        .flatMap(
            revoked ->
                revoked
                    ? Mono.just(ResponseEntity.noContent().<Void>build())
                    : Mono.error(noSuchKey(keyId)));
  }

  private static ApiException noSuchKey(String keyId) {
    return ApiException.notFound("No API key with id " + keyId + ".");
  }

  /** The platform's page links (the client's query kept as sent), as the services build them. */
  private static KeyPageDto page(
      ApiKeyStore.Page result, PageRequest page, ServerWebExchange exchange) {
    URI uri = exchange.getRequest().getURI();
    PageLinks links = PageLinks.forPage(uri.getRawPath(), uri.getRawQuery(), page, result.total());
    return new KeyPageDto()
        .data(result.keys().stream().map(KeyDtos::record).toList())
        .meta(
            new PageMetaDto()
                .total(result.total())
                .totalPages((int) page.totalPages(result.total()))
                .page(page.page())
                .size(page.size()))
        .links(new PageLinksDto().self(links.self()).next(links.next()).prev(links.prev()));
  }

  /** A key's name says whose it is: blank (spaces only, full-width ones too) is a 400. */
  private static String requireName(String name) {
    String stripped = name.strip();
    if (stripped.isEmpty()) {
      throw ApiException.invalidParameter("name", "name must not be blank");
    }
    return stripped;
  }
}
