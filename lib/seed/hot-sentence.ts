/** The sentence `db:seed:many --hot` puts its notes on: the claim the article opens its argument with. */
export const hotSentence = 'p02-s1';
