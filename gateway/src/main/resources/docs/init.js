window.ui = SwaggerUIBundle({
  urls: [
    { url: "/openapi/catalog.yaml", name: "catalog — datasets, fiscal, statistics, policies" },
    { url: "/openapi/search.yaml", name: "search — keyword, 发文字号, dates" },
    { url: "/openapi/archive.yaml", name: "archive — versions, Memento, retention" },
    { url: "/openapi/gateway.yaml", name: "gateway — API keys" }
  ],
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout",
  // The specs name the production server; "Try it out" calls the gateway serving this page.
  requestInterceptor: (request) => {
    const url = new URL(request.url, window.location.href);
    if (url.origin !== window.location.origin && url.pathname.startsWith("/api/")) {
      request.url = window.location.origin + url.pathname + url.search;
    }
    return request;
  }
});
