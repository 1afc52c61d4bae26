import { suggestionsSuite } from './support/suggestions-suite';

suggestionsSuite('sqlite');
