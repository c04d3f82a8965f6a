// A static single-page app: the shell renders in the browser and pages fetch from the API at run time.
export const ssr = false;
export const prerender = false;
