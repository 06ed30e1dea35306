import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rule must actually fire: lint source text as if it lived in each layer.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal:${m.message}`);
}

const RESTRICT = '@typescript-eslint/no-restricted-imports';

describe('layering lint', () => {
  it.each([
    ['core imports electron', "import { app } from 'electron';\nexport const x = app;\n", 'core/capture/bad.ts'],
    ['core imports react', "import React from 'react';\nexport const x = React;\n", 'core/analysis/bad.ts'],
    ['core imports the hosts', "import { runCli } from '../../main/cli/index.js';\nexport const x = runCli;\n", 'core/api/bad.ts'],
    ['renderer imports fs', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", 'renderer/src/bad.ts'],
    ['renderer imports node:path', "import { join } from 'node:path';\nexport const x = join;\n", 'renderer/src/bad.ts'],
    ['renderer imports electron', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'renderer/src/bad.tsx'],
    ['renderer imports engine internals', "import { EngineService } from '../../core/api/service.js';\nexport const x = EngineService;\n", 'renderer/src/bad.ts'],
    ['renderer value-imports the contract', "import { ERROR_CODES } from '../../core/api/contract.js';\nexport const x = ERROR_CODES;\n", 'renderer/src/bad.ts'],
    ['preload imports fs', "import fs = require('fs');\nexport const x = fs;\n", 'preload/bad.cts'],
    ['preload imports a host module', "import { x } from '../main/electron/ipc.js';\nexport const y = x;\n", 'preload/bad.ts'],
  ])('fails when %s', async (_name, code, file) => {
    const ids = await ruleIds(code, file);
    expect(ids.some((id) => id === RESTRICT || id === 'no-restricted-syntax')).toBe(true);
  });

  it.each([
    ['renderer type-imports the contract', "import type { Api } from '../../core/api/contract.js';\nexport type X = Api;\n", 'renderer/src/ok.ts'],
    ['core uses node builtins', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n", 'core/capture/ok.ts'],
    ['preload imports electron and contract types', "import electron = require('electron');\nimport type { Api } from '../core/api/contract.js';\nexport type X = Api;\nexport const y = electron;\n", 'preload/ok.cts'],
    ['main imports core', "import { EngineService } from '../../core/api/service.js';\nexport const x = EngineService;\n", 'main/web/ok.ts'],
  ])('passes when %s', async (_name, code, file) => {
    expect(await ruleIds(code, file)).toEqual([]);
  });
});
