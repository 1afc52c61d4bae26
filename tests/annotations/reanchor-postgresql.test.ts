import { reanchorSuite } from './support/reanchor-suite';

reanchorSuite('postgresql');
