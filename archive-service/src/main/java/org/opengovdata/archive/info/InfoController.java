package org.opengovdata.archive.info;

import java.time.ZoneOffset;
import org.opengovdata.archive.api.InfoApi;
import org.opengovdata.archive.api.model.DependencyStatusDto;
import org.opengovdata.archive.api.model.ServiceInfoDto;
import org.opengovdata.common.info.ServiceInfo;
import org.opengovdata.common.info.ServiceInfoProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InfoController implements InfoApi {

  private final ServiceInfoProvider info;

  InfoController(ServiceInfoProvider info) {
    this.info = info;
  }

  @Override
  public ResponseEntity<ServiceInfoDto> getServiceInfo() {
    ServiceInfo current = info.currentInfo();
    ServiceInfoDto body =
        new ServiceInfoDto()
            .name(current.name())
            .version(current.version())
            .buildTime(
                current.buildTime() == null ? null : current.buildTime().atOffset(ZoneOffset.UTC))
            .dependencies(
                current.dependencies().entrySet().stream()
                    .map(
                        e ->
                            new DependencyStatusDto()
                                .name(e.getKey())
                                .status(DependencyStatusDto.StatusEnum.fromValue(e.getValue())))
                    .toList());
    return ResponseEntity.ok(body);
  }
}
