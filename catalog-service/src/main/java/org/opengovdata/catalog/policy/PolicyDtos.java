package org.opengovdata.catalog.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.opengovdata.catalog.api.model.AttachmentDto;
import org.opengovdata.catalog.api.model.DocumentNumberDto;
import org.opengovdata.catalog.api.model.DocumentTypeDto;
import org.opengovdata.catalog.api.model.InterpretationDto;
import org.opengovdata.catalog.api.model.PolicyDraftDto;
import org.opengovdata.catalog.api.model.PolicyDto;
import org.opengovdata.catalog.api.model.PolicyReferenceDto;
import org.opengovdata.catalog.api.model.PolicyStatusDto;
import org.opengovdata.catalog.api.model.PolicyTransitionDto;
import org.opengovdata.catalog.api.model.ValidityDto;

/** Between the generated DTOs and the domain records. */
final class PolicyDtos {

  private PolicyDtos() {}

  static PolicyDraft draft(PolicyDraftDto dto) {
    List<Interpretation> interpretations =
        dto.getInterpretations() == null
            ? List.of()
            : dto.getInterpretations().stream()
                .map(i -> new Interpretation(null, i.getTitle(), i.getBody(), i.getPublishedDate()))
                .toList();
    return new PolicyDraft(
        dto.getTitle().strip(),
        dto.getDocumentNumber(),
        dto.getIndexNumber(),
        dto.getIssuer().strip(),
        DocumentType.valueOf(dto.getDocumentType().name()),
        dto.getSubject(),
        dto.getRegionCode(),
        dto.getWrittenDate(),
        dto.getEffectiveDate(),
        dto.getExpiryDate(),
        dto.getBody(),
        interpretations,
        dto.getAmends());
  }

  static PolicyDto policy(Policy p, LocalDate today, Function<UUID, Policy> lookup) {
    PolicyDto dto =
        new PolicyDto()
            .id(p.id())
            .version(p.version())
            .status(PolicyStatusDto.fromValue(p.status().name()))
            .title(p.title())
            .indexNumber(p.indexNumber())
            .issuer(p.issuer())
            .documentType(DocumentTypeDto.fromValue(p.documentType().label()))
            .subject(p.subject())
            .regionCode(p.regionCode())
            .regionName(p.regionName())
            .writtenDate(p.writtenDate())
            .publishedDate(p.publishedDate())
            .effectiveDate(p.effectiveDate())
            .expiryDate(p.expiryDate())
            .validity(ValidityDto.fromValue(p.validityOn(today).name()))
            .repealedOn(p.repealedOn())
            .repealReason(p.repealReason())
            .amendedOn(p.amendedOn())
            .body(p.body())
            .attachments(p.attachments().stream().map(a -> attachment(p.id(), a)).toList())
            .interpretations(p.interpretations().stream().map(PolicyDtos::interpretation).toList())
            .createdBy(p.createdBy())
            .submittedBy(p.submittedBy())
            .approvedBy(p.approvedBy())
            .rejectionReason(p.rejectionReason())
            .modified(p.modified());
    if (p.documentNumber() != null) {
      Policy.NumberParts n = p.documentNumber();
      dto.documentNumber(
          new DocumentNumberDto()
              .canonical(n.canonical())
              .asWritten(n.asWritten())
              .issuerCode(n.issuerCode())
              .year(n.year())
              .serial(n.serial()));
    }
    if (p.replacedBy() != null) {
      dto.replacedBy(reference(p.replacedBy(), lookup));
    }
    if (p.amends() != null) {
      dto.amends(reference(p.amends(), lookup));
    }
    return dto;
  }

  private static PolicyReferenceDto reference(UUID id, Function<UUID, Policy> lookup) {
    PolicyReferenceDto ref = new PolicyReferenceDto().id(id);
    Policy other = lookup.apply(id);
    if (other != null) {
      ref.documentNumber(other.documentNumberText()).title(other.title());
    }
    return ref;
  }

  static AttachmentDto attachment(UUID policyId, Attachment a) {
    return new AttachmentDto()
        .id(a.id())
        .fileName(a.fileName())
        .mediaType(a.mediaType())
        .size(a.size())
        .sha256(a.sha256())
        .extractedText(a.extractedText())
        .url("/api/v1/catalog/policies/" + policyId + "/attachments/" + a.id());
  }

  static InterpretationDto interpretation(Interpretation i) {
    return new InterpretationDto()
        .id(i.id())
        .title(i.title())
        .body(i.body())
        .publishedDate(i.publishedDate());
  }

  static PolicyTransitionDto transition(Transition t) {
    return new PolicyTransitionDto()
        .action(PolicyTransitionDto.ActionEnum.fromValue(t.action()))
        .fromStatus(
            t.fromStatus() == null ? null : PolicyStatusDto.fromValue(t.fromStatus().name()))
        .toStatus(PolicyStatusDto.fromValue(t.toStatus().name()))
        .actor(t.actor())
        .at(t.at())
        .comment(t.comment());
  }
}
