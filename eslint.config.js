import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/**
 * The layers (DESIGN.md §6): routes and components call services, never the database;
 * code that runs in the browser never imports server modules, not even their types.
 */
const noDatabase = {
  paths: [
    { name: 'kysely', message: 'Routes call services; SQL lives in repositories.' },
    { name: '$lib/server/db', message: 'Routes call services (types only from here).', allowTypeImports: true }
  ],
  patterns: [
    { group: ['$lib/server/db/*'], message: 'Routes call services; the database stays behind them.' },
    { group: ['**/*.repository', '*.repository'], message: 'Routes call services, not repositories.' }
  ]
};
const noServer = {
  paths: noDatabase.paths,
  patterns: [
    ...noDatabase.patterns,
    {
      group: ['$lib/server', '$lib/server/**', '**/*.server', '**/*.server.ts'],
      message: 'Browser code: put shared types and helpers in $lib/shared.'
    }
  ]
};
const serverRouteFiles = ['src/routes/**/+*.server.ts', 'src/routes/**/+server.ts', 'src/routes/**/*.server.ts'];

export default ts.config(
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'svelte/no-navigation-without-resolve': 'off'
    }
  },
  {
    files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte', 'src/lib/components/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', noDatabase] }
  },
  {
    files: [
      'src/routes/**/*.ts',
      'src/routes/**/*.svelte',
      'src/lib/components/**',
      'src/lib/shared/**',
      'src/lib/map/**'
    ],
    ignores: serverRouteFiles,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', noServer] }
  },
  {
    // Paraglide drops every message a page never names; one `m[key]` or `m as …` keeps the
    // whole catalogue in the page's bundle. Stored codes use the typed maps in $lib/shared/labels.
    files: [
      'src/routes/**/*.ts',
      'src/routes/**/*.svelte',
      'src/lib/components/**',
      'src/lib/shared/**',
      'src/lib/map/**'
    ],
    ignores: serverRouteFiles,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[computed=true][object.name='m'][property.type!='Literal']",
          message: 'Call messages directly (m.key()); for stored codes use a map in $lib/shared/labels.'
        },
        {
          selector: "TSAsExpression[expression.name='m']",
          message: 'Call messages directly (m.key()); for stored codes use a map in $lib/shared/labels.'
        }
      ]
    }
  },
  {
    // Services, seeds and helpers call repositories: SQL is written only in *.repository.ts,
    // in db/ (dialect differences, predicates, migrations) and in the access module, whose
    // scope subqueries every repository filters with.
    files: ['src/lib/server/**/*.ts'],
    ignores: ['src/lib/server/**/*.repository.ts', 'src/lib/server/db/**', 'src/lib/server/access/access.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'kysely', message: 'SQL lives in repositories (types only here).', allowTypeImports: true }] }
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)$/]',
          message: 'SQL lives in repositories: call one (add it there).'
        }
      ]
    }
  },
  {
    ignores: [
      'build/',
      '.svelte-kit/',
      'src/lib/paraglide/',
      'node_modules/',
      'data/',
      'test-results/',
      'playwright-report/'
    ]
  }
);
