package org.opengovdata.catalog.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengovdata.catalog.policy.screening.PersonalDataFinding;
import org.opengovdata.catalog.policy.screening.PersonalDataScreening;
import org.opengovdata.catalog.reference.ReferenceData;
import org.opengovdata.common.events.PlatformEvent;
import org.opengovdata.common.outbox.OutboxEvents;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.problem.ProblemType;
import org.opengovdata.common.security.Caller;
import org.opengovdata.common.security.Role;
import org.opengovdata.docnumber.DocumentNumber;
import org.opengovdata.docnumber.DocumentNumbers;
import org.opengovdata.docnumber.InvalidDocumentNumberException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publishing workflow (DRAFT → SUBMITTED → APPROVED → PUBLISHED, REJECTED back to draft),
 * validity changes (repeal, amendment) and who may do what. Every step is recorded in the
 * document's history; publication, correction and repeal write their event to the outbox in the
 * same transaction.
 */
@Service
public class PolicyWorkflow {

  /** Business dates (发布日期, 施行日期) are days in China. */
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final PolicyStore store;
  private final ReferenceData reference;
  private final OutboxEvents outbox;
  private final PersonalDataScreening screening;
  private final Clock clock;

  PolicyWorkflow(PolicyStore store, ReferenceData reference, OutboxEvents outbox, Clock clock) {
    this.store = store;
    this.reference = reference;
    this.outbox = outbox;
    this.clock = clock;
    this.screening = new PersonalDataScreening(clock.withZone(CHINA));
  }

  /** Today in China: the day validity is computed for by default. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(CHINA));
  }

  /** The document if {@code caller} may see it: published ones for everyone, all for publishers. */
  @Transactional(readOnly = true)
  public Policy find(UUID id, Caller caller) {
    return store
        .find(id)
        .filter(p -> p.status() == PolicyStatus.PUBLISHED || isPublisher(caller))
        .orElseThrow(() -> notFound(id));
  }

  /** A linked document (replacement, amended one) for a reference; null when gone. */
  @Transactional(readOnly = true)
  public Policy reference(UUID id) {
    return store.find(id).orElse(null);
  }

  @Transactional(readOnly = true)
  public List<Transition> history(UUID id, Caller caller) {
    find(id, caller);
    return store.history(id);
  }

  @Transactional
  public Policy draft(PolicyDraft draft, Caller caller) {
    Policy.NumberParts number = validate(draft, caller);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    store.insert(id, draft, number, caller.subject(), now);
    store.recordTransition(id, "create", null, PolicyStatus.DRAFT, caller.subject(), null, now);
    return store.find(id).orElseThrow();
  }

  /**
   * Edits a draft (a rejected document becomes a draft again) or corrects a published document
   * (screened like a publication; announced as {@code policy.updated}).
   */
  @Transactional
  public Policy edit(UUID id, PolicyDraft draft, Caller caller) {
    Policy current = lock(id);
    requireScope(caller, current.regionCode());
    Policy.NumberParts number = validate(draft, caller);
    Instant now = clock.instant();
    switch (current.status()) {
      case DRAFT, REJECTED -> {
        store.update(id, draft, number, PolicyStatus.DRAFT, now);
        store.recordTransition(
            id, "update", current.status(), PolicyStatus.DRAFT, caller.subject(), null, now);
      }
      case PUBLISHED -> {
        requireCleanText(draft.title(), draft.body(), draft.interpretations(), current);
        requireNumberFree(id, draft.issuer(), number);
        store.update(id, draft, number, PolicyStatus.PUBLISHED, now);
        store.recordTransition(
            id, "correct", current.status(), PolicyStatus.PUBLISHED, caller.subject(), null, now);
        announce(PlatformEvent.POLICY_UPDATED, id);
      }
      default ->
          throw ApiException.conflict(
              "Policy %s is %s: it can be edited only as a draft, after a rejection or once published."
                  .formatted(id, current.status()));
    }
    return store.find(id).orElseThrow();
  }

  @Transactional
  public Policy submit(UUID id, String comment, Caller caller) {
    Policy current = lock(id);
    requireScope(caller, current.regionCode());
    requireStatus(current, "submit", PolicyStatus.DRAFT, PolicyStatus.REJECTED);
    return step(
        current,
        "submit",
        PolicyStatus.SUBMITTED,
        caller,
        comment,
        "submitted_by",
        caller.subject(),
        "approved_by",
        null,
        "rejection_reason",
        null);
  }

  /** The approver: a publisher whose scope covers the region, and not the submitter. */
  @Transactional
  public Policy approve(UUID id, String comment, Caller caller) {
    Policy current = lock(id);
    requireScope(caller, current.regionCode());
    requireStatus(current, "approve", PolicyStatus.SUBMITTED);
    if (caller.subject().equals(current.submittedBy())) {
      throw new ApiException(
          ProblemType.FORBIDDEN,
          "Key %s submitted policy %s and cannot also approve it: another publisher must."
              .formatted(caller.subject(), id));
    }
    return step(
        current,
        "approve",
        PolicyStatus.APPROVED,
        caller,
        comment,
        "approved_by",
        caller.subject());
  }

  @Transactional
  public Policy reject(UUID id, String reason, Caller caller) {
    Policy current = lock(id);
    requireScope(caller, current.regionCode());
    requireStatus(current, "reject", PolicyStatus.SUBMITTED, PolicyStatus.APPROVED);
    return step(
        current, "reject", PolicyStatus.REJECTED, caller, reason, "rejection_reason", reason);
  }

  /**
   * Publishes an approved document: screened for personal data (422 with every finding), its number
   * free among the issuer's published documents (409), dates completed; the document it amends
   * becomes AMENDED from its effective date.
   */
  @Transactional
  public Policy publish(UUID id, String comment, Caller caller) {
    Policy current = lock(id);
    requireScope(caller, current.regionCode());
    requireStatus(current, "publish", PolicyStatus.APPROVED);
    requireCleanText(current.title(), current.body(), current.interpretations(), current);
    requireNumberFree(id, current.issuer(), current.documentNumber());
    LocalDate published = today();
    LocalDate effective = current.effectiveDate() == null ? published : current.effectiveDate();
    Policy result;
    try {
      result =
          step(
              current,
              "publish",
              PolicyStatus.PUBLISHED,
              caller,
              comment,
              "published_date",
              published,
              "effective_date",
              effective);
    } catch (DuplicateKeyException e) { // published concurrently by another request
      throw numberTaken(current.issuer(), current.documentNumber());
    }
    announce(PlatformEvent.POLICY_PUBLISHED, id);
    if (current.amends() != null) {
      markAmended(current.amends(), id, effective, caller);
    }
    return result;
  }

  private void markAmended(UUID oldId, UUID newId, LocalDate from, Caller caller) {
    Policy old = lock(oldId);
    if (old.status() != PolicyStatus.PUBLISHED) {
      throw ApiException.conflict(
          "Policy %s amends %s, which is not published.".formatted(newId, oldId));
    }
    Instant now = clock.instant();
    store.step(oldId, PolicyStatus.PUBLISHED, now, "amended_on", from, "replaced_by", newId);
    store.recordTransition(
        oldId,
        "amend",
        old.status(),
        PolicyStatus.PUBLISHED,
        caller.subject(),
        "已修订 by " + newId + " from " + from,
        now);
    announce(PlatformEvent.POLICY_UPDATED, oldId);
  }

  /** 废止: not in force from {@code date} on, optionally replaced by a published document. */
  @Transactional
  public Policy repeal(UUID id, LocalDate date, String reason, UUID replacedBy, Caller caller) {
    Policy current = lock(id);
    requireScope(caller, current.regionCode());
    requireStatus(current, "repeal", PolicyStatus.PUBLISHED);
    if (current.repealedOn() != null) {
      throw ApiException.conflict(
          "Policy %s is already repealed from %s.".formatted(id, current.repealedOn()));
    }
    if (replacedBy != null) {
      if (replacedBy.equals(id)) {
        throw ApiException.invalidParameter("replacedBy", "A policy cannot replace itself.");
      }
      store
          .find(replacedBy)
          .filter(p -> p.status() == PolicyStatus.PUBLISHED)
          .orElseThrow(
              () ->
                  ApiException.invalidParameter(
                      "replacedBy", "No published policy " + replacedBy + "."));
    }
    Instant now = clock.instant();
    store.step(
        id,
        PolicyStatus.PUBLISHED,
        now,
        "repealed_on",
        date,
        "repeal_reason",
        reason,
        "replaced_by",
        replacedBy);
    store.recordTransition(
        id, "repeal", current.status(), PolicyStatus.PUBLISHED, caller.subject(), reason, now);
    announce(PlatformEvent.POLICY_REPEALED, id);
    return store.find(id).orElseThrow();
  }

  /** Fails (404, 403, 409) unless {@code caller} may attach a file now: checked before storing. */
  @Transactional(readOnly = true)
  public void requireAttachable(UUID id, Caller caller) {
    Policy current = store.find(id).orElseThrow(() -> notFound(id));
    requireScope(caller, current.regionCode());
    requireStatus(
        current, "attach to", PolicyStatus.DRAFT, PolicyStatus.REJECTED, PolicyStatus.PUBLISHED);
  }

  /** Attaches a file (already stored and extracted) to a document that is not under review. */
  @Transactional
  public Attachment attach(UUID id, Attachment attachment, Caller caller) {
    Policy current = lock(id);
    requireScope(caller, current.regionCode());
    requireStatus(
        current, "attach to", PolicyStatus.DRAFT, PolicyStatus.REJECTED, PolicyStatus.PUBLISHED);
    if (current.status() == PolicyStatus.PUBLISHED) {
      List<Map<String, Object>> findings = new ArrayList<>();
      addFindings(
          findings, "attachments[" + attachment.fileName() + "]", attachment.extractedText());
      refuseIfAny(findings, id);
    }
    Instant now = clock.instant();
    store.insertAttachment(id, attachment, caller.subject(), now);
    store.step(id, current.status(), now);
    store.recordTransition(
        id,
        "attach",
        current.status(),
        current.status(),
        caller.subject(),
        attachment.fileName() + " sha256:" + attachment.sha256(),
        now);
    if (current.status() == PolicyStatus.PUBLISHED) {
      announce(PlatformEvent.POLICY_UPDATED, id);
    }
    return attachment;
  }

  @Transactional(readOnly = true)
  public Attachment attachment(UUID id, UUID attachmentId, Caller caller) {
    return find(id, caller).attachments().stream()
        .filter(a -> a.id().equals(attachmentId))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "Policy %s has no attachment %s.".formatted(id, attachmentId)));
  }

  private Policy step(
      Policy current,
      String action,
      PolicyStatus to,
      Caller caller,
      String comment,
      Object... assignments) {
    Instant now = clock.instant();
    store.step(current.id(), to, now, assignments);
    store.recordTransition(
        current.id(), action, current.status(), to, caller.subject(), comment, now);
    return store.find(current.id()).orElseThrow();
  }

  private void announce(String type, UUID id) {
    outbox.record(type, id.toString(), store.version(id));
  }

  private Policy lock(UUID id) {
    return store.lock(id).orElseThrow(() -> notFound(id));
  }

  private Policy.NumberParts validate(PolicyDraft draft, Caller caller) {
    reference.requireRegion("regionCode", draft.regionCode());
    requireScope(caller, draft.regionCode());
    if (draft.effectiveDate() != null
        && draft.expiryDate() != null
        && !draft.expiryDate().isAfter(draft.effectiveDate())) {
      throw ApiException.invalidParameter(
          "expiryDate",
          "expiryDate must be after effectiveDate (%s)".formatted(draft.effectiveDate()));
    }
    if (draft.amends() != null
        && store.find(draft.amends()).filter(p -> p.status() == PolicyStatus.PUBLISHED).isEmpty()) {
      throw ApiException.invalidParameter(
          "amends", "No published policy " + draft.amends() + " to amend.");
    }
    return parseNumber(draft.documentNumber());
  }

  /** The shared document-number module's parse; {@code null} for a document without a number. */
  static Policy.NumberParts parseNumber(String asWritten) {
    if (asWritten == null || asWritten.isBlank()) {
      return null;
    }
    try {
      DocumentNumber number = DocumentNumbers.parse(asWritten);
      return new Policy.NumberParts(
          number.canonical(),
          asWritten.strip(),
          number.key(),
          number.issuerCode(),
          number.year(),
          number.serial());
    } catch (InvalidDocumentNumberException e) {
      throw ApiException.invalidParameter(
          "documentNumber",
          "'%s' is not a document number (发文字号): %s".formatted(asWritten, e.getMessage()));
    }
  }

  private void requireNumberFree(UUID id, String issuer, Policy.NumberParts number) {
    if (number != null && store.numberTaken(issuer, number.key(), id)) {
      throw numberTaken(issuer, number);
    }
  }

  private static ApiException numberTaken(String issuer, Policy.NumberParts number) {
    return ApiException.conflict(
        "%s has already published a document numbered %s."
            .formatted(issuer, number == null ? "(none)" : number.canonical()));
  }

  private void requireCleanText(
      String title, String body, List<Interpretation> interpretations, Policy current) {
    List<Map<String, Object>> findings = new ArrayList<>();
    addFindings(findings, "title", title);
    addFindings(findings, "body", body);
    for (int i = 0; i < interpretations.size(); i++) {
      addFindings(findings, "interpretations[" + i + "].title", interpretations.get(i).title());
      addFindings(findings, "interpretations[" + i + "].body", interpretations.get(i).body());
    }
    for (Attachment a : current.attachments()) {
      addFindings(findings, "attachments[" + a.fileName() + "]", a.extractedText());
    }
    refuseIfAny(findings, current.id());
  }

  private void addFindings(List<Map<String, Object>> into, String field, String text) {
    for (PersonalDataFinding f : screening.screen(text)) {
      into.add(
          Map.of(
              "field", field,
              "kind", f.kind().name(),
              "offset", f.offset(),
              "length", f.length(),
              "line", f.line(),
              "column", f.column(),
              "masked", f.masked()));
    }
  }

  private static void refuseIfAny(List<Map<String, Object>> findings, UUID id) {
    if (!findings.isEmpty()) {
      throw new ApiException(
              ProblemType.UNPROCESSABLE,
              "Policy %s contains personal data (%d finding(s), e.g. %s in %s): mask or remove it and retry."
                  .formatted(
                      id,
                      findings.size(),
                      findings.get(0).get("masked"),
                      findings.get(0).get("field")))
          .with("findings", findings);
    }
  }

  private static void requireStatus(Policy policy, String action, PolicyStatus... allowed) {
    for (PolicyStatus status : allowed) {
      if (policy.status() == status) {
        return;
      }
    }
    throw ApiException.conflict(
        "Cannot %s policy %s: it is %s (needs %s)."
            .formatted(action, policy.id(), policy.status(), List.of(allowed)));
  }

  private static void requireScope(Caller caller, String regionCode) {
    if (!caller.hasRole(Role.PUBLISHER) || !caller.scope().coversRegion(regionCode)) {
      throw new ApiException(
          ProblemType.FORBIDDEN,
          "Key %s may not publish for region %s (its scope: %s)."
              .formatted(
                  caller.subject(),
                  regionCode,
                  caller.scope().regions().isEmpty()
                      ? "all regions"
                      : caller.scope().sortedRegions()));
    }
  }

  private static boolean isPublisher(Caller caller) {
    return caller != null && caller.hasRole(Role.PUBLISHER);
  }

  private static ApiException notFound(UUID id) {
    return ApiException.notFound("No policy " + id + ".");
  }
}
