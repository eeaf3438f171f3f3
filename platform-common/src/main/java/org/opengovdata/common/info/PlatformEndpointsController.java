package org.opengovdata.common.info;

import org.opengovdata.common.api.AdminApi;
import org.opengovdata.common.api.InfoApi;
import org.opengovdata.common.api.model.CallerDto;
import org.opengovdata.common.api.model.ServiceInfoDto;
import org.opengovdata.common.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform-wide endpoints every service has — its info, and who the verified caller is —
 * written once from {@code platform.yaml}. The paths there are relative ({@code /info}); {@link
 * PlatformEndpointsAutoConfiguration} puts them under the service's base path ({@code
 * opendata.api.base-path}, e.g. {@code /api/v1/catalog}).
 */
@RestController
class PlatformEndpointsController implements InfoApi, AdminApi {

  private final ServiceInfoProvider info;
  private final JsonMapper json;

  PlatformEndpointsController(ServiceInfoProvider info, JsonMapper json) {
    this.info = info;
    this.json = json;
  }

  @Override
  public ResponseEntity<ServiceInfoDto> getServiceInfo() {
    return ResponseEntity.ok(info.currentInfo(ServiceInfoDto.class));
  }

  @Override
  @PreAuthorize("hasRole('ADMIN')")
  public ResponseEntity<CallerDto> whoAmI() {
    return ResponseEntity.ok(json.convertValue(Caller.current().orElseThrow(), CallerDto.class));
  }
}
