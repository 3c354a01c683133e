// Starts the vendored Swagger UI on /api/v1/docs. Settings come from data attributes, so
// the page needs no inline script under the site's CSP.
(function () {
  "use strict";
  var body = document.body;
  window.SwaggerUIBundle({
    url: body.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    deepLinking: true,
    layout: "BaseLayout",
    presets: [window.SwaggerUIBundle.presets.apis],
    validatorUrl: null,
    requestInterceptor: function (request) {
      // Signed-in sessions need the CSRF token for POST and PATCH; bearer tokens ignore it.
      if (body.dataset.csrfToken) {
        request.headers["X-CSRFToken"] = body.dataset.csrfToken;
      }
      return request;
    },
  });
})();
