// @ts-check
// Type-aware linting (typescript-eslint) for TypeScript and .astro files, as the Astro anchors do.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/', 'build/', 'node_modules/', '.astro/', 'test/.builds/', 'bench/.work/', '**/dist/', '**/*.d.ts',
      // The benchmark's bare baseline is a separate Astro project with its own generated types.
      'bench/baseline/',
      // The starter is a team's project (its own package.json and tsconfig): it resolves the package once installed, and the installed-product test builds it.
      'starter/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, extraFileExtensions: ['.astro'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Unused names are errors, except a deliberate `_` prefix (destructuring to drop a field).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // Plain JavaScript (config files, scripts, the benchmark's drivers) has no types to check against.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  /*
   * In .astro templates, astro-eslint-parser gives JSX expressions and `Astro.props` inferred from
   * getStaticPaths no type ("error" type), so these two rules report every `.map(() => <tr>…)`.
   * `astro check` type-checks the templates instead (0 errors, 0 warnings in CI).
   */
  {
    files: ['**/*.astro'],
    // astro-eslint-parser takes a tsconfig, not typescript-eslint's project service.
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.json' } },
    rules: { '@typescript-eslint/no-unsafe-return': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  // The search page's script runs in the browser.
  { files: ['src/components/search/*.ts'], languageOptions: { globals: { ...globals.browser } } },
);
