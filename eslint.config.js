import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'integrations/', 'storybook-static/', 'node_modules/', 'custom-elements.json', 'src/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Data is rendered as text; an escape hatch would need a review, not a lint exception.
      'lit/no-template-bind': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Render data as text.' }] },
      ],
    },
  },
  {
    // Configs and scripts run in Node, not in the page.
    files: ['*.config.{js,ts,mjs}', 'scripts/**', 'examples/*.mjs', 'src/cli/**', 'test/node/**', 'test/consumers/server/**', '.storybook/main.ts', 'test/**/*-plugin.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // link-account-picker/server runs in Node, Deno, Bun and edge runtimes: web-standard APIs only
    // (node: code goes in src/server/node.ts), and nothing of the element.
    files: ['src/server/**'],
    ignores: ['src/server/node.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The handler is runtime-neutral: put node: code in src/server/node.ts.' },
            { group: ['../internal/*', '../link-account-picker*', '../standalone*', '../eligibility*', 'lit', 'lit/*', '@lit/*', '@lit-labs/*'], message: 'The server never imports the element or its dependencies.' },
          ],
        },
      ],
    },
  },
  {
    // The page's code never reaches for the server entry: no handler or driver in a browser bundle.
    files: ['src/**'],
    ignores: ['src/server/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Render data as text.' }],
          patterns: [{ group: ['**/server/*', 'link-account-picker/server*'], message: 'Browser code never imports the server entry.' }],
        },
      ],
    },
  },
  {
    // Plain scripts a test serves to a page as they are (no TypeScript, no bundler).
    files: ['test/frameworks/dropin/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['test/**', 'stories/**', 'mocks/**', 'bench/**', 'demo/**', 'scripts/**', '.storybook/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
