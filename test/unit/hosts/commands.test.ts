import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../main/cli/commands.js';

// The command list carries each command's name and summary so `--help` need not load any
// command module; they must stay what the modules themselves say.
describe('CLI command list', () => {
  it('names and summarises every command exactly as its module does', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
    }
  });
});
