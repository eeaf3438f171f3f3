package org.opengovdata.catalog.load;

import org.opengovdata.catalog.api.LoadsApi;
import org.opengovdata.catalog.api.model.LoadRecordDto;
import org.opengovdata.catalog.api.model.LoadRecordListDto;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/loads}: who loaded what, for admins. */
@RestController
class LoadsController implements LoadsApi {

  private final LoadLog log;

  LoadsController(LoadLog log) {
    this.log = log;
  }

  @Override
  @PreAuthorize("hasRole('ADMIN')")
  public ResponseEntity<LoadRecordListDto> listLoads(Integer limit) {
    return ResponseEntity.ok(
        new LoadRecordListDto()
            .data(
                log.latest(limit == null ? 100 : limit).stream()
                    .map(
                        e ->
                            new LoadRecordDto()
                                .id(e.id())
                                .resource(LoadRecordDto.ResourceEnum.fromValue(e.resource()))
                                .keyId(e.keyId())
                                .loadedAt(e.loadedAt())
                                .rows(e.rows())
                                .inserted(e.inserted())
                                .updated(e.updated())
                                .unchanged(e.unchanged()))
                    .toList()));
  }
}
