// ESLint flat config: typescript-eslint's recommended rules plus a few that catch real bugs. Type-aware rules
// (floating promises) read the projects of tsconfig.json and apps/counter-web/tsconfig.json.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.run/**', 'coverage/**', 'apps/counter-web/src/api/openapi.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Screens pass async handlers to onClick/onSubmit and catch inside them; elsewhere (timers, emitters) an
      // async callback whose rejection nobody handles is a real bug.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Tests read the API's JSON answers and partner-sim's admin replies untyped and assert on what a user sees.
    files: ['test/**/*.ts', 'apps/*/test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The app's tests and Vite's config belong to no tsconfig project, so they get the rules without type information.
    files: ['apps/counter-web/src/**/*.spec.ts', 'apps/counter-web/vite.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: NODE_GLOBALS },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
