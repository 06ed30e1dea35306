// Lint exists mainly to enforce the layering in ../shared/DESIGN.md: imports only point downward.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'async_hooks', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'tls',
  'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

const UI_PACKAGES = ['electron', 'react', 'react-dom', 'react-dom/client', 'zustand', 'd3'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.bench/**', 'renderer/public/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-unreachable': 'error',
      'no-self-compare': 'error',
    },
  },
  {
    // The engine runs in plain Node: no UI packages, no Electron, no host code, no DOM.
    files: ['core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: UI_PACKAGES.map((name) => ({ name, message: 'core/ is the engine: it runs in plain Node, without UI or Electron.' })),
        patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'core/ must not import the hosts or the UI (imports point downward).' }],
      }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'core/ has no DOM.' },
        { name: 'document', message: 'core/ has no DOM.' },
        { name: 'navigator', message: 'core/ has no DOM.' },
        { name: 'localStorage', message: 'core/ has no DOM.' }],
    },
  },
  {
    // The renderer reaches the engine only through the Api object; from core it may only import types of the contract.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [
          ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer has no Node: call the engine through the Api.' })),
          { name: 'electron', message: 'The renderer has no Electron: the preload exposes window.tracehound.' },
          { name: 'better-sqlite3', message: 'The renderer has no database access: call the engine through the Api.' },
          { name: 'ws', message: 'The renderer uses the browser WebSocket.' },
        ],
        patterns: [
          { group: ['node:*'], message: 'The renderer has no Node: call the engine through the Api.' },
          { group: ['**/core/api/contract', '**/core/api/contract.js'], allowTypeImports: true, message: 'Only `import type` from core/api/contract.' },
          { group: ['**/core/**', '!**/core/api/contract', '!**/core/api/contract.js'], message: 'The renderer must not import engine internals; use the Api.' },
          { group: ['**/main/**', '**/preload/**'], message: 'The renderer must not import host code.' },
        ],
      }],
    },
  },
  {
    // The preload exposes the contract over IPC and nothing more.
    files: ['preload/**/*.ts', 'preload/**/*.cts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [...NODE_BUILTINS.map((name) => ({ name, message: 'The preload imports only electron and the contract.' })), ...UI_PACKAGES.filter((n) => n !== 'electron').map((name) => ({ name, message: 'The preload imports only electron and the contract.' }))],
        patterns: [
          { group: ['node:*'], message: 'The preload imports only electron and the contract.' },
          { group: ['**/core/api/contract', '**/core/api/contract.js'], allowTypeImports: true, message: 'Only `import type` from core/api/contract.' },
          { group: ['./*', '../*', '!../core/api/contract', '!../core/api/contract.js'], message: 'The preload imports only electron and the contract.' },
        ],
      }],
      'no-restricted-syntax': ['error', {
        selector: "TSImportEqualsDeclaration[moduleReference.expression.value!='electron']",
        message: 'The preload imports only electron and the contract.',
      }],
    },
  },
);
