import type { PageLoad } from './$types';
import { readEvaluation } from './evaluation-data.svelte.ts';

export const load: PageLoad = async ({ params, fetch }) => readEvaluation(params.challengeId, fetch);
