// graphql-eslint over the hub's schema and operations (run by src/test/scripts/graphql-lint.sh).
// HUB_REPO: repo root; RELAY=1 adds schema-relay; HOUSE=1 applies the hub's house style
// (inline "..." descriptions, value objects and payloads without ids).
import graphql from '@graphql-eslint/eslint-plugin';

const REPO = process.env.HUB_REPO ?? process.cwd();
const graphQLConfig = {
  schema: `${REPO}/graphql/*.graphqls`,
  documents: `${REPO}/graphql/operations/**/*.graphql`,
};
const house = process.env.HOUSE ? {
  '@graphql-eslint/description-style': ['error', { style: 'inline' }],
  '@graphql-eslint/strict-id-in-types': ['error', { exceptions: {
    suffixes: ['Connection', 'Edge', 'Payload', 'Error', 'Input'],
    types: ['PageInfo',
      // value objects: they are parts of an account or a service, never fetched on their own
      'BasicDetails', 'PostalAddress', 'LinkedAccount', 'ActiveLink', 'MarketingPreferences',
      'CompanyMarketingPreferences', 'ChannelConsent', 'ContactPermission', 'PrivacyContact', 'Cancellation'] } }],
} : {};

export default [
  {
    files: ['**/*.graphqls'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig } },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      ...(process.env.RELAY ? graphql.configs['flat/schema-relay'].rules : {}),
      ...house,
    },
  },
  {
    files: ['**/*.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig } },
    plugins: { '@graphql-eslint': graphql },
    rules: graphql.configs['flat/operations-recommended'].rules,
  },
];
