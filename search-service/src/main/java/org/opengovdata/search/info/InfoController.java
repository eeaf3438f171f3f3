package org.opengovdata.search.info;

import org.opengovdata.common.info.ServiceInfoProvider;
import org.opengovdata.common.security.Caller;
import org.opengovdata.search.api.AdminApi;
import org.opengovdata.search.api.InfoApi;
import org.opengovdata.search.api.model.CallerDto;
import org.opengovdata.search.api.model.ServiceInfoDto;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The platform-wide endpoints every service has: its info, and who the verified caller is. */
@RestController
class InfoController implements InfoApi, AdminApi {

  private final ServiceInfoProvider info;
  private final JsonMapper json;

  InfoController(ServiceInfoProvider info, JsonMapper json) {
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
