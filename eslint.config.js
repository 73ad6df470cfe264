// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import react from 'eslint-plugin-react';
import vitest from '@vitest/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            'eslint.config.js',
            '.dependency-cruiser.cjs',
            'build.mjs',
            'bench/*.mjs',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { react },
    settings: { react: { version: '19' } },
    rules: {
      eqeqeq: ['error', 'smart'],
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      // A key handler sees every command of the keymap and handles its own
      // scopes': its default is where the others go.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'react/jsx-key': 'error',
      'react/no-array-index-key': 'error',
    },
  },
  {
    files: ['components/**/*.tsx', 'hooks/**/*.ts', 'hooks/**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['components/**/*.tsx', 'hooks/**/*.ts', 'hooks/**/*.tsx'],
    rules: { 'react-hooks/exhaustive-deps': 'error' },
  },
  // Layers and import rules live in .dependency-cruiser.cjs (npm run lint).
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      'vitest/expect-expect': [
        'error',
        { assertFunctionNames: ['expect', 'expect*', 'assert*'] },
      ],
      // expect(value, 'what it is') names the case that failed.
      'vitest/valid-expect': ['error', { maxArgs: 2 }],
    },
  },
  {
    // Plain JavaScript scripts: no types to check against.
    files: [
      'bench/**/*.mjs',
      'build.mjs',
      'eslint.config.js',
      '.dependency-cruiser.cjs',
    ],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: [
      'source/cli.tsx',
      'source/lab/lab-command.ts',
      'bench/**',
      'test/helpers/global-lab.ts',
    ],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
