// Static limits on a GraphQL document, checked before anything runs (graphql-armor + Apollo options).
// Sized so that every query the web front end and the eval tools send fits with room to spare.
import type { ApolloArmor } from '@escape.tech/graphql-armor';

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

export const DEFAULT_MAX_DEPTH = 12;
export const DEFAULT_MAX_ALIASES = 30;
export const DEFAULT_MAX_TOKENS = 2000;
/**
 * graphql-armor multiplies a list's cost by a literal `first` argument, so this bounds fan-out: the front end's
 * heaviest query costs ~850, 30 entities with their relations, facts and mentions ~10,000, while
 * 100 entities × 100 mentions × their entities is refused.
 */
export const DEFAULT_MAX_COST = 20_000;
export const DEFAULT_MAX_DIRECTIVES = 20;
/** Largest accepted HTTP request body. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export function armorConfig(): ArmorConfig {
  return {
    maxDepth: { n: DEFAULT_MAX_DEPTH },
    // Count aliases of __typename too: the default allow-list would let a 1,000-alias __typename query through.
    maxAliases: { n: DEFAULT_MAX_ALIASES, allowList: [] },
    costLimit: { maxCost: DEFAULT_MAX_COST },
    maxDirectives: { n: DEFAULT_MAX_DIRECTIVES },
    // graphql-armor's token counter re-parses inside a plugin hook, where a plain syntax error becomes a 500;
    // graphql-js's own parser limit (parseOptions.maxTokens, see createApolloServer.ts) answers 400 instead.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  };
}
