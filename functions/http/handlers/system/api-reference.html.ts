/**
 * The API reference page: swagger-ui, loaded from the site's own /vendor folder (the CSP allows
 * only 'self'), reading /api/openapi.json. The script that starts it is a file too, not inline.
 */
export const apiReferencePage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Crossover API reference</title>
<link rel="stylesheet" href="/vendor/swagger-ui/swagger-ui.css">
</head>
<body>
<main id="swagger-ui" aria-label="Crossover API reference"></main>
<script src="/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/vendor/swagger-ui/init.js"></script>
</body>
</html>
`;
