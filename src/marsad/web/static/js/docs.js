/* The API reference (/docs): Swagger UI from the package's own copy, started without inline script. */
window.addEventListener("load", function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: root.getAttribute("data-openapi"), dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null });
});
