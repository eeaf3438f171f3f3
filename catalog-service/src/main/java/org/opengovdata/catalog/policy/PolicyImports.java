package org.opengovdata.catalog.policy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengovdata.catalog.api.model.PolicyDraftDto;
import org.opengovdata.common.problem.ApiException;
import org.opengovdata.common.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines imports (migration of an existing 政务公开 site): every line validated and screened, valid
 * ones created as drafts of one import, the rest reported row by row; idempotent by (issuer, 发文字号).
 * One transaction: a crash leaves no half import.
 */
@Service
public class PolicyImports {

  /** One line's outcome. */
  public record Row(
      int line,
      String result,
      UUID id,
      String documentNumber,
      List<ApiException.FieldError> errors,
      List<Map<String, Object>> findings) {}

  public record Report(
      UUID importId, int lines, int created, int existing, int rejected, List<Row> rows) {}

  private final PolicyWorkflow workflow;
  private final Validator validator;
  private final JsonMapper json;

  PolicyImports(PolicyWorkflow workflow, Validator validator) {
    this.workflow = workflow;
    this.validator = validator;
    this.json =
        JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

  @Transactional
  public Report importLines(Reader body, Caller caller) {
    UUID importId = UUID.randomUUID();
    workflow.startImport(importId, caller);
    List<Row> rows = new ArrayList<>();
    int lines = 0;
    try (BufferedReader reader = new BufferedReader(body)) {
      String text;
      while ((text = reader.readLine()) != null) {
        lines++;
        if (!text.isBlank()) {
          rows.add(importLine(lines, text.strip(), importId, caller));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int created = count(rows, "CREATED");
    workflow.finishImport(importId, lines, created);
    return new Report(
        importId, lines, created, count(rows, "EXISTING"), count(rows, "REJECTED"), rows);
  }

  private Row importLine(int line, String text, UUID importId, Caller caller) {
    PolicyDraftDto dto;
    try {
      dto = json.readValue(text, PolicyDraftDto.class);
    } catch (JacksonException e) {
      return rejected(line, null, "line", "not a policy in JSON: " + e.getOriginalMessage());
    }
    List<ApiException.FieldError> errors =
        validator.validate(dto).stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .map(PolicyImports::fieldError)
            .toList();
    String number = dto.getDocumentNumber();
    if (!errors.isEmpty()) {
      return new Row(line, "REJECTED", null, number, errors, List.of());
    }
    try {
      PolicyDraft draft = PolicyDtos.draft(dto);
      Optional<UUID> existing = workflow.existing(draft);
      if (existing.isPresent()) {
        return new Row(line, "EXISTING", existing.get(), number, List.of(), List.of());
      }
      List<Map<String, Object>> findings = workflow.screen(draft);
      if (!findings.isEmpty()) {
        return new Row(
            line,
            "REJECTED",
            null,
            number,
            List.of(new ApiException.FieldError("line", "contains personal data")),
            findings);
      }
      Policy created = workflow.draft(draft, caller, importId);
      return new Row(
          line, "CREATED", created.id(), created.documentNumberText(), List.of(), List.of());
    } catch (ApiException e) {
      return rejected(line, number, "line", e.getMessage(), e);
    }
  }

  private static ApiException.FieldError fieldError(ConstraintViolation<PolicyDraftDto> v) {
    return new ApiException.FieldError(
        v.getPropertyPath().toString(), v.getPropertyPath() + " " + v.getMessage());
  }

  private static Row rejected(int line, String number, String parameter, String detail) {
    return new Row(
        line,
        "REJECTED",
        null,
        number,
        List.of(new ApiException.FieldError(parameter, detail)),
        List.of());
  }

  @SuppressWarnings("unchecked")
  private static Row rejected(
      int line, String number, String parameter, String detail, ApiException e) {
    Object errors =
        e.toProblem().getProperties() == null ? null : e.toProblem().getProperties().get("errors");
    if (errors instanceof List<?> list && !list.isEmpty()) {
      return new Row(
          line, "REJECTED", null, number, (List<ApiException.FieldError>) list, List.of());
    }
    return rejected(line, number, parameter, detail);
  }

  private static int count(List<Row> rows, String result) {
    return (int) rows.stream().filter(r -> r.result().equals(result)).count();
  }
}
