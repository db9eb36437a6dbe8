import { qualityGates } from '../support/qualityGates.ts';

qualityGates('dist');
