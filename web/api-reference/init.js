/* global SwaggerUIBundle */
// Boots the API reference at /api/docs from a file rather than an inline script, so the page can keep a strict CSP.
function showApiReference() {
  SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', showApiReference);
} else {
  showApiReference();
}
