/** Issue 11's targets, each reported as met or missed. */
export const targets = {
  /** A handler called in-process, against the same DynamoDB reads issued directly (median). */
  inProcessRatio: 1.3,
  /** Through the local server (HTTP), against the same reads issued directly. */
  httpRatio: 1.5,
  /** A route's median at the large table against the small one. */
  scaleRatio: 1.2,
  /** Each API function's bundle, minified. */
  functionKiB: 600,
  /** A function's cold import against that of a bundle of the DynamoDB client alone. */
  coldImportRatio: 1.5,
} as const;
