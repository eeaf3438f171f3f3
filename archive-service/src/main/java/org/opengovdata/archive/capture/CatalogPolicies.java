package org.opengovdata.archive.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Optional;
import java.util.UUID;
import org.opengovdata.client.catalog.CatalogClient;
import org.opengovdata.client.catalog.api.PoliciesApi;
import org.opengovdata.client.catalog.invoker.ApiClient;
import org.opengovdata.client.catalog.invoker.ApiException;
import org.opengovdata.client.catalog.model.Policy;

/**
 * The catalog's published policies, read through the catalog SDK ({@code catalog-client}). The SDK
 * is generated with Jackson 2; it stays inside this class — what leaves it is a {@link
 * PolicySnapshot} and the policy as JSON bytes, so the rest of the archive sees only Jackson 3.
 */
class CatalogPolicies {

  /** The catalog cannot answer now (down, time-out, 5xx, rate limit): try the event later. */
  static class CatalogUnavailableException extends RuntimeException {
    CatalogUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final CatalogClient client;
  private final ObjectMapper json =
      ApiClient.createDefaultObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  CatalogPolicies(CaptureProperties properties) {
    this.client =
        CatalogClient.of(properties.catalogUrl()).withTimeout(properties.catalogTimeout());
  }

  /**
   * The policy as the catalog publishes it now; empty when the catalog does not know it or does not
   * publish it to the public (404).
   *
   * @throws CatalogUnavailableException when the catalog does not answer, or answers 429 or 5xx
   * @throws IllegalStateException for any other refusal (a 4xx that a retry will not change)
   */
  Optional<PolicySnapshot> fetch(UUID id) {
    Policy policy;
    try {
      policy =
          client
              .policies()
              .getPolicy(PoliciesApi.APIGetPolicyRequest.newBuilder().policyId(id).build());
    } catch (ApiException e) {
      int status = e.getCode();
      if (status == 404 || status == 410) {
        return Optional.empty();
      }
      if (status == 0 || status == 408 || status == 429 || status >= 500) {
        throw new CatalogUnavailableException(
            status == 0 ? "catalog unreachable: " + e.getMessage() : "catalog answered " + status,
            e);
      }
      throw new IllegalStateException(
          "catalog refused policy " + id + " with " + status + ": " + e.getResponseBody(), e);
    } catch (RuntimeException e) {
      // e.g. an UncheckedIOException from the HTTP client
      throw new CatalogUnavailableException("catalog unreachable: " + e, e);
    }
    try {
      return Optional.of(
          new PolicySnapshot(
              policy.getId(),
              policy.getVersion(),
              policy.getStatus() == null ? null : policy.getStatus().getValue(),
              policy.getTitle(),
              policy.getDocumentNumber() == null ? null : policy.getDocumentNumber().getCanonical(),
              policy.getIssuer(),
              policy.getDocumentType() == null ? null : policy.getDocumentType().getValue(),
              policy.getWrittenDate() != null ? policy.getWrittenDate() : policy.getPublishedDate(),
              json.writeValueAsBytes(policy)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render policy " + id + " as JSON", e);
    }
  }
}
