/**
 * The message the deadline jobs log for each challenge they could not close or remind for. Its own
 * module, so that CDK reads it (a metric filter counts it and raises an alarm) without importing the handler.
 */
export const deadlineJobFailed = 'A deadline job failed for a challenge';
