import type { Api } from '../../core/api/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    tracehound?: Api;
  }
}
