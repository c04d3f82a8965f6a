import { z } from 'zod';

/** RFC 9457 problem details, as every failed API call answers (`application/problem+json`). */
export const problemSchema = z.object({
  type: z.string().describe('A URI naming the kind of problem; `about:blank` when the status says it all'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z
    .array(
      z.object({
        field: z.string().describe('Where the problem is, e.g. `body.email` or `query.limit`'),
        message: z.string(),
      }),
    )
    .optional()
    .describe('One entry per invalid field'),
});

export type Problem = z.infer<typeof problemSchema>;
export type FieldError = NonNullable<Problem['errors']>[number];

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
