// The Apollo Server with every safety option in one place. HTTP is done by src/server (executeHTTPGraphQLRequest).
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApiContext } from './context.ts';
import { createFormatError, isIntendedError } from './errors/formatError.ts';
import { localLandingPage } from './landingPage.ts';
import { resolvers } from './resolvers/index.ts';
import { armorConfig, DEFAULT_MAX_TOKENS } from './security/limits.ts';

export const SCHEMA_PATH = new URL('../../graphql/schema.graphql', import.meta.url);

/** Logs every error of a request with its request id: unexpected ones in full at error level. */
function errorLogging(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isIntendedError(error)) contextValue.logger.debug({ err: error }, 'request rejected');
            else contextValue.logger.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
          }
        },
      };
    },
  };
}

export function createApolloServer(options: { production: boolean; httpServer: Server }): ApolloServer<ApiContext> {
  const armor = new ApolloArmor(armorConfig()).protect();
  // graphql-armor is typed against Apollo's CommonJS declarations; the plugins are the same objects at run time.
  const armorPlugins = armor.plugins as unknown as ApolloServerPlugin<ApiContext>[];
  return new ApolloServer<ApiContext>({
    typeDefs: readFileSync(SCHEMA_PATH, 'utf8'),
    resolvers,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: DEFAULT_MAX_TOKENS },
    plugins: [
      ...armorPlugins,
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer }),
      errorLogging(),
      // No HTTP cache hints are used; the implicit cache-control plugin would still run on every field.
      ApolloServerPluginCacheControlDisabled(),
      options.production ? ApolloServerPluginLandingPageDisabled() : localLandingPage(),
    ],
    introspection: !options.production,
    // Field suggestions ("Did you mean …") leak the schema when introspection is off.
    hideSchemaDetailsFromClientErrors: options.production,
    allowBatchedHttpRequests: false,
    // src/server/main.ts owns SIGTERM/SIGINT (drain, then close the store); Apollo's own handler would re-raise the
    // signal after its stop and kill the process before the store is closed.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError({ production: options.production }),
  });
}
