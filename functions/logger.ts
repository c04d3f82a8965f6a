import { Logger } from '@aws-lambda-powertools/logger';

/** The one structured JSON logger of every function; level and service from POWERTOOLS_* env. */
export const logger = new Logger({ serviceName: 'crossover' });
