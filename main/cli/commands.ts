import type { Command } from './io.js';

/**
 * A subcommand as `--help` lists it, and where its code is. A command's module, and everything
 * it pulls in (the web server, SQLite, YAML and the rules engine...), loads only when that
 * command runs: importing every command cost ~0.15 s of CPU on each `tracehound read`.
 * test/unit/hosts/commands.test.ts checks that names and summaries match the modules.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every subcommand, in the order `--help` lists them. Later capabilities add rows here. */
export const COMMANDS: CommandEntry[] = [
  { name: 'serve', summary: 'Run the workbench in web mode on 127.0.0.1 (token required)', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'read', summary: 'Print the events of a capture, like sysdig -r', load: async () => (await import('./read.js')).readCommand },
  { name: 'case', summary: 'Create, fill, list, verify and export a case (.thcase)', load: async () => (await import('./case.js')).caseCommand },
  { name: 'view', summary: 'Compute a view (processes, connections, files, errors, ...) over a capture', load: async () => (await import('./view.js')).viewCommand },
  { name: 'follow', summary: 'Print the data read and written on an fd or connection, in order (Follow Stream)', load: async () => (await import('./follow.js')).followCommand },
  { name: 'rules', summary: 'Run Falco rules over a capture, or validate rules files (like falco -e / falco -V)', load: async () => (await import('./rules.js')).rulesCommand },
  { name: 'demo', summary: 'Generate the built-in demo capture (a synthetic web-server compromise)', load: async () => (await import('./demo.js')).demoCommand },
];
