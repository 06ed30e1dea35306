/** The x.y.z versions Falco uses for engine and plugin requirements (sinsp_version). */
export type Semver = [number, number, number];

export function parseSemver(text: string): Semver | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function compareSemver(a: Semver, b: Semver): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** sinsp_version::compatible_with: same major, and at least the requested version. */
export function semverCompatible(have: string, want: string): boolean {
  const h = parseSemver(have);
  const w = parseSemver(want);
  return !!h && !!w && h[0] === w[0] && compareSemver(h, w) >= 0;
}
