package org.opengovdata.catalog.admin;

import org.opengovdata.catalog.api.AdminApi;
import org.opengovdata.catalog.api.model.CallerDto;
import org.opengovdata.common.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/** Shows what the service verified from the gateway's identity token (role admin). */
@RestController
class WhoAmIController implements AdminApi {

  @Override
  @PreAuthorize("hasRole('ADMIN')")
  public ResponseEntity<CallerDto> whoAmI() {
    Caller caller = Caller.current().orElseThrow();
    return ResponseEntity.ok(
        new CallerDto()
            .subject(caller.subject())
            .roles(
                caller.roles().stream()
                    .map(role -> CallerDto.RolesEnum.fromValue(role.claimValue()))
                    .toList()));
  }
}
