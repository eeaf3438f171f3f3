package org.opengovdata.client.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.opengovdata.client.catalog.api.DatasetsApi;
import org.opengovdata.client.catalog.api.FiscalAggregatesApi;
import org.opengovdata.client.catalog.api.FiscalItemsApi;
import org.opengovdata.client.catalog.api.PoliciesApi;
import org.opengovdata.client.catalog.api.ReferenceApi;
import org.opengovdata.client.catalog.api.StatisticsIndicatorsApi;
import org.opengovdata.client.catalog.api.StatisticsObservationsApi;
import org.opengovdata.client.catalog.api.ThreePublicExpensesApi;
import org.opengovdata.client.catalog.invoker.ApiClient;
import org.opengovdata.client.catalog.invoker.ApiException;
import org.opengovdata.client.catalog.invoker.ApiResponse;

/**
 * The catalog API from Java: the generated APIs (request objects, {@code BigDecimal} amounts,
 * tolerant of fields and enum values added later) plus what generated code does badly — CSV and
 * JSON-LD as streams, never parsed as JSON, and conditional reads where 304 is an answer, not an
 * exception. See this module's README for a walk-through.
 */
public final class CatalogClient {

  private final ApiClient api;
  private final HttpClient http;
  private final URI base;
  private final String apiKey;
  private final Duration timeout;

  private CatalogClient(URI base, String apiKey, Duration timeout) {
    this.base = base;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.api = new ApiClient();
    api.updateBaseUri(base.toString().replaceAll("/+$", ""));
    api.setConnectTimeout(timeout);
    api.setReadTimeout(timeout);
    if (apiKey != null) {
      api.setRequestInterceptor(request -> request.header("X-API-Key", apiKey));
    }
  }

  /** A client of the platform at {@code base} (the gateway, e.g. {@code https://data.example}). */
  public static CatalogClient of(URI base) {
    return new CatalogClient(base, null, Duration.ofSeconds(30));
  }

  /** The same client sending an API key (higher limits; publisher or admin roles). */
  public CatalogClient withApiKey(String key) {
    return new CatalogClient(base, Objects.requireNonNull(key), timeout);
  }

  /** The same client with another connect and read time-out (default 30 s). */
  public CatalogClient withTimeout(Duration timeout) {
    return new CatalogClient(base, apiKey, timeout);
  }

  public DatasetsApi datasets() {
    return new DatasetsApi(api);
  }

  public FiscalItemsApi fiscalItems() {
    return new FiscalItemsApi(api);
  }

  public FiscalAggregatesApi fiscalAggregates() {
    return new FiscalAggregatesApi(api);
  }

  public ThreePublicExpensesApi threePublicExpenses() {
    return new ThreePublicExpensesApi(api);
  }

  public StatisticsIndicatorsApi indicators() {
    return new StatisticsIndicatorsApi(api);
  }

  public StatisticsObservationsApi observations() {
    return new StatisticsObservationsApi(api);
  }

  public PoliciesApi policies() {
    return new PoliciesApi(api);
  }

  public ReferenceApi reference() {
    return new ReferenceApi(api);
  }

  /**
   * Streams a non-JSON representation — {@code format=csv} of any list, or the DCAT JSON-LD of
   * {@code /datasets?format=jsonld} — without buffering it. The caller closes the stream.
   *
   * @param pathAndQuery e.g. {@code /api/v1/catalog/fiscal/items?year=2024&format=csv}
   * @throws ApiException with the problem document as its body when the answer is not 200
   */
  public InputStream download(String pathAndQuery) throws ApiException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout).GET();
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        try (InputStream body = response.body()) {
          throw new ApiException(
              response.statusCode(),
              "GET " + pathAndQuery + " answered " + response.statusCode(),
              response.headers(),
              new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(e);
    }
  }

  /**
   * A conditional read: pass the {@code ETag} of the copy you hold as the request's {@code
   * ifNoneMatch}; a 304 comes back as {@link Conditional#notModified()}, not as an exception.
   *
   * <pre>{@code
   * Conditional<DatasetList> again = CatalogClient.conditional(() ->
   *     client.datasets().listDatasetsWithHttpInfo(request.ifNoneMatch(etag).build()));
   * }</pre>
   */
  public static <T> Conditional<T> conditional(Call<T> call) throws ApiException {
    try {
      ApiResponse<T> response = call.call();
      return new Conditional<>(
          response.getData(),
          response.getHeaders().getOrDefault("etag", java.util.List.of()).stream()
              .findFirst()
              .orElse(null));
    } catch (ApiException e) {
      if (e.getCode() == 304) {
        return new Conditional<>(null, e.getResponseHeaders().firstValue("etag").orElse(null));
      }
      throw e;
    }
  }

  /** A generated {@code …WithHttpInfo} call. */
  @FunctionalInterface
  public interface Call<T> {
    ApiResponse<T> call() throws ApiException;
  }

  /**
   * The answer of a conditional read.
   *
   * @param body the new representation; null when the held copy is current (304)
   * @param etag the representation's ETag (the held one after a 304)
   */
  public record Conditional<T>(T body, String etag) {

    public boolean notModified() {
      return body == null;
    }
  }
}
