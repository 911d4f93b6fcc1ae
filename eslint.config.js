// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports flow services → projections/workflows → contracts, never back. */
const io = ['fastify', 'fastify/*', '@fastify/*', 'better-sqlite3', 'pino', '@eventstore/*', 'node:fs', 'node:net', 'node:http'];
const layer = (folders) => folders.map((f) => `**/${f}/**`);
const forbid = (message, patterns) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', '.tap/', 'scratch/', 'services/web/dist/', 'test/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['contracts/**/*.ts'],
    rules: { 'no-restricted-imports': forbid('contracts/ is types and schemas only', [...io, ...layer(['workflows', 'projections', 'services']), 'xstate']) },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: { 'no-restricted-imports': forbid('workflows/ is pure: contracts and xstate only', [...io, ...layer(['projections', 'services'])]) },
  },
  {
    // One module knows the EventStoreDB client, so replacing it is a one-file change.
    files: ['services/**/*.ts'],
    ignores: ['services/event-store/esdb/client.ts'],
    rules: { 'no-restricted-imports': forbid('only services/event-store/esdb/client.ts imports the EventStoreDB client', ['@eventstore/*', '@kurrent/*']) },
  },
  {
    files: ['projections/**/*.ts'],
    rules: { 'no-restricted-imports': forbid('projections/ must not reach the HTTP edge', ['fastify', 'fastify/*', '@fastify/*', ...layer(['services', 'workflows'])]) },
  },
);
