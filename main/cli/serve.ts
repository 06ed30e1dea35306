import { join, resolve } from 'node:path';
import { EngineService } from '../../core/api/service.js';
import { TracehoundError } from '../../core/api/errors.js';
import { openInBrowser } from '../launch/browser.js';
import { packageVersion, projectRoot } from '../shared/version.js';
import { defaultRendererDir, startWebServer } from '../web/server.js';
import { EXIT, type Command } from './io.js';
import { parseCommandArgs } from './errors.js';
import { demoCapturePath } from '../shared/demo.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the workbench in web mode on 127.0.0.1 (token required)',
  usage: `tracehound serve [--port N] [--token T] [--no-open] [CAPTURE]

  --port N     port to bind on 127.0.0.1 (0 picks a free port; default 0)
  --token T    access token (default: a random one); requests without it get 401
  --no-open    do not open a browser, only print the URL
  CAPTURE      a capture to open at start`,
  async run(argv, io) {
    let values: { port?: string; token?: string; 'no-open'?: boolean };
    let positionals: string[];
    ({ values, positionals } = parseCommandArgs('serve', {
      args: argv,
      options: { port: { type: 'string' }, token: { type: 'string' }, 'no-open': { type: 'boolean' } },
      allowPositionals: true,
    }));
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new TracehoundError('CLI_USAGE', `--port must be 0..65535, got ${values.port}`);
    }
    if (values.token !== undefined && !/^[A-Za-z0-9_-]{8,200}$/.test(values.token)) {
      throw new TracehoundError('CLI_USAGE', '--token must be 8 to 200 characters of A-Z a-z 0-9 _ -');
    }
    if (positionals.length > 1) throw new TracehoundError('CLI_USAGE', 'serve takes at most one capture');
    const root = projectRoot();
    const serviceOptions: ConstructorParameters<typeof EngineService>[0] = { mode: 'web', version: packageVersion(), defaultRulesDir: join(root, 'assets', 'rules') };
    const demo = demoCapturePath(root);
    if (demo) serviceOptions.demoCapture = demo;
    if (positionals[0]) serviceOptions.initialCapture = resolve(io.cwd, positionals[0]);
    const service = new EngineService(serviceOptions);
    const opts: Parameters<typeof startWebServer>[0] = { service, rendererDir: defaultRendererDir(root), port };
    if (values.token) opts.token = values.token;
    const running = await startWebServer(opts);
    io.stdout.write(`Tracehound listening on ${running.url}\n`);
    if (!values['no-open']) {
      const how = await openInBrowser(running.url);
      if (!how) io.stderr.write('No browser found to open; open the URL above yourself.\n');
    }
    await new Promise<void>((done) => {
      if (io.signal.aborted) return done();
      io.signal.addEventListener('abort', () => done(), { once: true });
    });
    await running.close();
    return EXIT.ok;
  },
};
