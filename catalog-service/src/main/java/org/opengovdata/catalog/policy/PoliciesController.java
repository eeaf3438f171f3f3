package org.opengovdata.catalog.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opengovdata.catalog.api.PoliciesApi;
import org.opengovdata.catalog.api.model.AttachmentDto;
import org.opengovdata.catalog.api.model.DocumentTypeDto;
import org.opengovdata.catalog.api.model.FormatDto;
import org.opengovdata.catalog.api.model.LabelsDto;
import org.opengovdata.catalog.api.model.PolicyDraftDto;
import org.opengovdata.catalog.api.model.PolicyDto;
import org.opengovdata.catalog.api.model.PolicyHistoryDto;
import org.opengovdata.catalog.api.model.PolicyImportPublishedDto;
import org.opengovdata.catalog.api.model.PolicyImportReportDto;
import org.opengovdata.catalog.api.model.PolicyListDto;
import org.opengovdata.catalog.api.model.PolicyStatusDto;
import org.opengovdata.catalog.api.model.PolicySummaryDto;
import org.opengovdata.catalog.api.model.RejectRequestDto;
import org.opengovdata.catalog.api.model.RepealRequestDto;
import org.opengovdata.catalog.api.model.TransitionRequestDto;
import org.opengovdata.catalog.api.model.ValidityDto;
import org.opengovdata.catalog.load.BulkUpload;
import org.opengovdata.catalog.policy.attachment.AttachmentStore;
import org.opengovdata.catalog.policy.attachment.StoredFile;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.catalog.tabular.Params;
import org.opengovdata.catalog.tabular.TabularResource;
import org.opengovdata.catalog.web.ListParameters;
import org.opengovdata.catalog.web.Read;
import org.opengovdata.catalog.web.TabularList;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.representation.ETags;
import org.opengovdata.common.security.Caller;
import org.opengovdata.common.security.Role;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class PoliciesController implements PoliciesApi {

  private final TabularResource<PolicyRow, PolicyFilter, PolicySummaryDto> policies;
  private final PolicyWorkflow workflow;
  private final ReferenceData reference;
  private final AttachmentStore attachments;
  private final PolicyImports imports;

  PoliciesController(
      TabularResource<PolicyRow, PolicyFilter, PolicySummaryDto> policies,
      PolicyWorkflow workflow,
      ReferenceData reference,
      AttachmentStore attachments,
      PolicyImports imports) {
    this.imports = imports;
    this.policies = policies;
    this.workflow = workflow;
    this.reference = reference;
    this.attachments = attachments;
  }

  @Override
  public ResponseEntity<PolicyListDto> listPolicies(
      String issuer,
      DocumentTypeDto type,
      String region,
      Boolean includeSubregions,
      ValidityDto validity,
      PolicyStatusDto status,
      LocalDate inForceOn,
      LocalDate writtenFrom,
      LocalDate writtenTo,
      LocalDate publishedFrom,
      LocalDate publishedTo,
      LocalDate effectiveFrom,
      LocalDate effectiveTo,
      String modifiedSince,
      String sort,
      String fields,
      Integer page,
      Integer size,
      String cursor,
      FormatDto format,
      LabelsDto labels,
      String ifNoneMatch) {
    PolicyFilter filter =
        new PolicyFilter(
            issuer,
            type == null ? null : DocumentType.valueOf(type.name()),
            reference.regionsSelected("region", region, includeSubregions),
            validity == null ? null : Validity.valueOf(validity.name()),
            visibleStatuses(status),
            inForceOn,
            ordered("writtenFrom", writtenFrom, writtenTo),
            writtenTo,
            ordered("publishedFrom", publishedFrom, publishedTo),
            publishedTo,
            ordered("effectiveFrom", effectiveFrom, effectiveTo),
            effectiveTo,
            Params.instant("modifiedSince", modifiedSince),
            workflow.today());
    return TabularList.answer(
        policies,
        filter,
        new ListParameters(
                sort == null ? "-publishedDate" : sort,
                fields,
                page,
                size,
                cursor,
                format,
                ifNoneMatch)
            .withLabels(labels),
        (data, meta, links) -> new PolicyListDto().data(data).meta(meta).links(links));
  }

  @Override
  public ResponseEntity<PolicyDto> getPolicy(UUID policyId, String ifNoneMatch) {
    Policy policy = workflow.find(policyId, Caller.current().orElse(null));
    Read read =
        Read.of(
            policy.id() + ":" + policy.version() + ":" + workflow.today(),
            null,
            List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<PolicyDto> notModified = read.notModified(ifNoneMatch);
    if (notModified != null) {
      return notModified;
    }
    return read.ok(toDto(policy));
  }

  @Override
  public ResponseEntity<PolicyHistoryDto> getPolicyHistory(UUID policyId) {
    return ResponseEntity.ok(
        new PolicyHistoryDto()
            .data(
                workflow.history(policyId, Caller.current().orElse(null)).stream()
                    .map(PolicyDtos::transition)
                    .toList()));
  }

  @Override
  @PreAuthorize("hasRole('PUBLISHER')")
  public ResponseEntity<PolicyDto> createPolicy(PolicyDraftDto draft) {
    Policy policy = workflow.draft(PolicyDtos.draft(draft), caller());
    return ResponseEntity.created(URI.create("/api/v1/catalog/policies/" + policy.id()))
        .body(toDto(policy));
  }

  @Override
  @PreAuthorize("hasRole('PUBLISHER')")
  public ResponseEntity<PolicyDto> updatePolicy(UUID policyId, PolicyDraftDto draft) {
    return ok(workflow.edit(policyId, PolicyDtos.draft(draft), caller()));
  }

  @Override
  @PreAuthorize("hasRole('PUBLISHER')")
  public ResponseEntity<PolicyDto> submitPolicy(UUID policyId, TransitionRequestDto request) {
    return ok(workflow.submit(policyId, comment(request), caller()));
  }

  @Override
  @PreAuthorize("hasRole('PUBLISHER')")
  public ResponseEntity<PolicyDto> approvePolicy(UUID policyId, TransitionRequestDto request) {
    return ok(workflow.approve(policyId, comment(request), caller()));
  }

  @Override
  @PreAuthorize("hasRole('PUBLISHER')")
  public ResponseEntity<PolicyDto> rejectPolicy(UUID policyId, RejectRequestDto request) {
    return ok(workflow.reject(policyId, request.getReason(), caller()));
  }

  @Override
  @PreAuthorize("hasRole('PUBLISHER')")
  public ResponseEntity<PolicyDto> publishPolicy(UUID policyId, TransitionRequestDto request) {
    return ok(workflow.publish(policyId, comment(request), caller()));
  }

  @Override
  @PreAuthorize("hasRole('PUBLISHER')")
  public ResponseEntity<PolicyDto> repealPolicy(UUID policyId, RepealRequestDto request) {
    return ok(
        workflow.repeal(
            policyId, request.getDate(), request.getReason(), request.getReplacedBy(), caller()));
  }

  @Override
  @PreAuthorize("hasRole('PUBLISHER')")
  public ResponseEntity<AttachmentDto> attachToPolicy(UUID policyId, MultipartFile file) {
    Caller caller = caller();
    workflow.requireAttachable(policyId, caller);
    String name = fileName(file.getOriginalFilename());
    StoredFile stored;
    try (InputStream content = file.getInputStream()) {
      stored = attachments.store(content, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Attachment attachment =
        workflow.attach(
            policyId,
            new Attachment(
                UUID.randomUUID(),
                name,
                stored.mediaType(),
                stored.size(),
                stored.sha256(),
                stored.extractedText()),
            caller);
    AttachmentDto dto = PolicyDtos.attachment(policyId, attachment);
    return ResponseEntity.created(URI.create(dto.getUrl())).body(dto);
  }

  @Override
  public ResponseEntity<InputStreamResource> downloadAttachment(
      UUID policyId, UUID attachmentId, String ifNoneMatch) {
    Attachment a = workflow.attachment(policyId, attachmentId, Caller.current().orElse(null));
    String etag = "\"" + a.sha256() + "\"";
    if (ETags.matches(ifNoneMatch, etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(a.mediaType()))
        .contentLength(a.size())
        .eTag(etag)
        .header(
            "Content-Digest",
            "sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(a.sha256()))
                + ":")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(a.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(new InputStreamResource(attachments.open(a.sha256())));
  }

  @Override
  @PreAuthorize("hasRole('PUBLISHER')")
  public ResponseEntity<PolicyImportReportDto> importPolicies(InputStreamResource body) {
    PolicyImports.Report report = imports.importLines(BulkUpload.of(body).reader(), caller());
    return ResponseEntity.ok(PolicyDtos.report(report));
  }

  @Override
  @PreAuthorize("hasRole('PUBLISHER')")
  public ResponseEntity<PolicyImportPublishedDto> publishImport(
      UUID importId, TransitionRequestDto request) {
    int published = workflow.publishImport(importId, comment(request), caller());
    return ResponseEntity.ok(
        new PolicyImportPublishedDto().importId(importId).published(published));
  }

  /** The name without any path a browser may send; never empty. */
  private static String fileName(String original) {
    String name = original == null ? "" : original.replaceAll("^.*[/\\\\]", "").strip();
    if (name.isEmpty()) {
      return "attachment";
    }
    return name.length() > 255 ? name.substring(name.length() - 255) : name;
  }

  private ResponseEntity<PolicyDto> ok(Policy policy) {
    return ResponseEntity.ok(toDto(policy));
  }

  private PolicyDto toDto(Policy policy) {
    return PolicyDtos.policy(policy, workflow.today(), workflow::reference);
  }

  /**
   * Publishers see every status (and choose with {@code status}); everyone else, published only.
   */
  private static Set<PolicyStatus> visibleStatuses(PolicyStatusDto asked) {
    boolean publisher = Caller.current().map(c -> c.hasRole(Role.PUBLISHER)).orElse(false);
    if (asked == null) {
      return publisher ? EnumSet.allOf(PolicyStatus.class) : EnumSet.of(PolicyStatus.PUBLISHED);
    }
    PolicyStatus status = PolicyStatus.valueOf(asked.name());
    if (!publisher && status != PolicyStatus.PUBLISHED) {
      throw new ApiException(
          ProblemType.FORBIDDEN, "Only publishers see documents that are not published.");
    }
    return EnumSet.of(status);
  }

  private static LocalDate ordered(String parameter, LocalDate from, LocalDate to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.invalidParameter(
          parameter, "%s (%s) is after the end of the range (%s)".formatted(parameter, from, to));
    }
    return from;
  }

  private static String comment(TransitionRequestDto request) {
    return request == null ? null : request.getComment();
  }

  private static Caller caller() {
    return Caller.current()
        .orElseThrow(
            () -> new ApiException(ProblemType.UNAUTHORIZED, "An identity token is required."));
  }
}
