import { App } from 'aws-cdk-lib';
import { defineCrossover } from './crossover.ts';
import { readSettings } from './settings.ts';

const app = new App();
defineCrossover(app, readSettings(app.node));
