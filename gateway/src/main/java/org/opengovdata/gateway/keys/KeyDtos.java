package org.opengovdata.gateway.keys;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengovdata.common.security.KeyScope;
import org.opengovdata.common.security.Role;
import org.opengovdata.gateway.api.model.IssuedKeyDto;
import org.opengovdata.gateway.api.model.KeyRecordDto;
import org.opengovdata.gateway.api.model.KeyScopeDto;
import org.opengovdata.gateway.api.model.LimitsDto;
import org.opengovdata.gateway.api.model.RoleDto;
import org.opengovdata.gateway.caller.ApiKey;
import org.opengovdata.gateway.caller.RouteGroup;

/** Maps key records to and from the generated API models. */
final class KeyDtos {

  private KeyDtos() {}

  static KeyRecordDto record(ApiKey key) {
    return new KeyRecordDto()
        .id(key.id())
        .name(key.name())
        .owner(key.owner())
        .roles(roles(key.roles()))
        .limits(limits(key.limits()))
        .scope(scope(key.scope()))
        .createdAt(time(key.createdAt()))
        .lastUsedAt(time(key.lastUsedAt()))
        .revoked(key.revoked())
        .revokedAt(time(key.revokedAt()));
  }

  static IssuedKeyDto issued(ApiKeys.Issued issued) {
    ApiKey key = issued.record();
    return new IssuedKeyDto()
        .id(key.id())
        .name(key.name())
        .owner(key.owner())
        .roles(roles(key.roles()))
        .limits(limits(key.limits()))
        .scope(scope(key.scope()))
        .createdAt(time(key.createdAt()))
        .revoked(false)
        .key(issued.key());
  }

  static Set<Role> roles(List<RoleDto> roles) {
    Set<Role> result = EnumSet.noneOf(Role.class);
    roles.forEach(dto -> Role.fromClaim(dto.getValue()).ifPresent(result::add));
    return result;
  }

  static Map<RouteGroup, Integer> limits(LimitsDto dto) {
    Map<RouteGroup, Integer> limits = new EnumMap<>(RouteGroup.class);
    if (dto != null) {
      putIfSet(limits, RouteGroup.READ, dto.getRead());
      putIfSet(limits, RouteGroup.SEARCH, dto.getSearch());
      putIfSet(limits, RouteGroup.BULK, dto.getBulk());
      putIfSet(limits, RouteGroup.WRITE, dto.getWrite());
    }
    return limits;
  }

  static KeyScope scope(KeyScopeDto dto) {
    return dto == null ? KeyScope.UNRESTRICTED : KeyScope.of(dto.getRegions(), dto.getDatasets());
  }

  private static KeyScopeDto scope(KeyScope scope) {
    if (scope.unrestricted()) {
      return null;
    }
    return new KeyScopeDto()
        .regions(scope.regions().stream().sorted().toList())
        .datasets(scope.datasets().stream().sorted().toList());
  }

  private static LimitsDto limits(Map<RouteGroup, Integer> limits) {
    if (limits.isEmpty()) {
      return null;
    }
    return new LimitsDto()
        .read(limits.get(RouteGroup.READ))
        .search(limits.get(RouteGroup.SEARCH))
        .bulk(limits.get(RouteGroup.BULK))
        .write(limits.get(RouteGroup.WRITE));
  }

  private static List<RoleDto> roles(Set<Role> roles) {
    return roles.stream().sorted().map(role -> RoleDto.fromValue(role.claimValue())).toList();
  }

  private static void putIfSet(Map<RouteGroup, Integer> limits, RouteGroup group, Integer value) {
    if (value != null) {
      limits.put(group, value);
    }
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
