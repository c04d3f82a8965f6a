/**
 * The header CloudFront adds to every request it forwards to the API, holding a secret only
 * CloudFront and the API functions know; its own module so that CDK reads the name without the handlers.
 */
export const originHeader = 'x-crossover-origin';
