import { defineConfig, type Plugin } from 'vite';

/**
 * The policy both hosts serve the renderer under. It is written into the built index.html as well,
 * so a renderer that starts needing inline code fails in the e2e tests instead of in the field.
 * Dev mode is left without it: the dev server injects styles through <style> tags.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' ws://127.0.0.1:*",
].join('; ');

function contentSecurityPolicy(): Plugin {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
  return {
    name: 'tracehound-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after the charset, which must stay first; before any script or stylesheet it governs.
      handler: (html) => {
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('renderer/index.html must declare <meta charset> for the CSP to follow');
        return html.replace(charset, (m) => `${m}\n    ${meta}`);
      },
    },
  };
}

export default defineConfig({
  // npm scripts run from the project root; outDir is relative to this root.
  root: 'renderer',
  // Relative asset URLs: Electron loads the bundle from file:// and the web server from /.
  base: './',
  plugins: [contentSecurityPolicy()],
  // Vite 8 compiles TSX with oxc; no React plugin is needed for the automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The polyfill is only for old browsers and would add code to the entry for nothing.
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1' },
});
