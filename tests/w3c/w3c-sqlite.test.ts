import { w3cSuite } from './support/w3c-suite';

w3cSuite('sqlite');
