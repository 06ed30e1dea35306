/** Users and groups of the capturing host, from the capture's user list block. */

export interface User {
  uid: number;
  gid: number;
  name: string;
  homedir: string;
  shell: string;
}

export interface Group {
  gid: number;
  name: string;
}

export class UserTable {
  readonly users = new Map<number, User>();
  readonly groups = new Map<number, Group>();

  /** sinsp::get_user(): uid 0xffffffff means "no user". */
  user(uid: number): User | null {
    if (uid === 0xffffffff) return null;
    return this.users.get(uid) ?? null;
  }

  group(gid: number): Group | null {
    if (gid === 0xffffffff) return null;
    return this.groups.get(gid) ?? null;
  }
}
