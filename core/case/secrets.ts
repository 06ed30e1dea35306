import { TracehoundError } from '../api/errors.js';

/**
 * A case file travels: it is handed to colleagues, attached to tickets, kept for years. Credentials
 * the tool touched on the way (kubeconfig tokens, cloud keys, API passwords) must never land in it.
 * Keys are compared after lower-casing and dropping everything but letters and digits, so
 * `AWS_SECRET_ACCESS_KEY`, `awsSecretAccessKey` and `aws-secret-access-key` are one key.
 */
const SECRET_KEYS = new Set([
  'authorization', 'proxyauthorization', 'cookie', 'setcookie', 'xapikey', 'xauthtoken',
  'passphrase', 'sessionkey', 'clientkeydata', 'connectionstring',
]);

/** Suffixes: `githubToken`, `db_password`, `client_secret`, `aws_secret_access_key`, `private_key`. */
const SECRET_SUFFIXES = [
  'token', 'password', 'passwd', 'secret', 'apikey', 'privatekey', 'secretaccesskey', 'secretkey', 'credentials',
  'credential',
];

/** Values that are credentials whatever key they sit under. */
const SECRET_VALUES: { name: string; re: RegExp }[] = [
  { name: 'a PEM private key', re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
  { name: 'a bearer token', re: /\bBearer\s+[A-Za-z0-9._~+/=-]{16,}/i },
  { name: 'an AWS secret access key assignment', re: /aws_secret_access_key\s*[=:]\s*\S/i },
];

function normalise(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function isSecretKey(key: string): boolean {
  const k = normalise(key);
  if (k.length === 0) return false;
  return SECRET_KEYS.has(k) || SECRET_SUFFIXES.some((s) => k.endsWith(s));
}

/** The name of the credential pattern a string matches, if any. */
export function secretValueKind(text: string): string | undefined {
  return SECRET_VALUES.find((p) => p.re.test(text))?.name;
}

/**
 * Throws CASE_SECRET_REFUSED if `value` holds a secret-looking key (at any depth) or a string that
 * is a credential. The error names the JSON path, never the value.
 */
export function assertNoSecrets(value: unknown, where: string): void {
  const found = findSecret(value, '$');
  if (found) {
    throw new TracehoundError('CASE_SECRET_REFUSED', `Refused to write ${where}: ${found} looks like a credential`, {
      hint: 'Credentials are never stored in a case. Remove the field (or redact it) and try again.',
      detail: { where, path: found },
    });
  }
}

/** Free text (notes): only the value patterns apply. */
export function assertNoSecretText(text: string, where: string): void {
  const kind = secretValueKind(text);
  if (kind) {
    throw new TracehoundError('CASE_SECRET_REFUSED', `Refused to write ${where}: it contains ${kind}`, {
      hint: 'Credentials are never stored in a case. Redact it and try again.',
      detail: { where },
    });
  }
}

function findSecret(v: unknown, path: string): string | undefined {
  if (typeof v === 'string') return secretValueKind(v) ? path : undefined;
  if (v === null || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const f = findSecret(v[i], `${path}[${i}]`);
      if (f) return f;
    }
    return undefined;
  }
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const p = `${path}.${k}`;
    if (x !== undefined && isSecretKey(k)) return p;
    const f = findSecret(x, p);
    if (f) return f;
  }
  return undefined;
}
