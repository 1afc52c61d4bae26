import { claimsSuite } from './support/claims-suite';

claimsSuite('sqlite');
