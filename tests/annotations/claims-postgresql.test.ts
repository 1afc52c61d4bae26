import { claimsSuite } from './support/claims-suite';

claimsSuite('postgresql');
