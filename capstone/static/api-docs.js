// Starts Swagger UI on /api/v1/docs (templates/api/docs.html), on the document the page
// names. A file, not an inline script: the Content-Security-Policy allows this site's
// files only. No validator badge: it would load an image from swagger.io. The page's
// own h1 and text stand for the document's title block, which would be a second h1.
const withoutTitleBlock = () => ({ components: { InfoContainer: () => null } });

window.addEventListener("load", () => {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    domNode: root,
    validatorUrl: null,
    deepLinking: true,
    plugins: [withoutTitleBlock],
  });
});
