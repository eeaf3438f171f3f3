package org.opengovdata.archive.info;

import org.opengovdata.archive.api.AdminApi;
import org.opengovdata.archive.api.InfoApi;
import org.opengovdata.archive.api.model.CallerDto;
import org.opengovdata.archive.api.model.ServiceInfoDto;
import org.opengovdata.common.info.ServiceInfoProvider;
import org.opengovdata.common.security.Caller;
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
