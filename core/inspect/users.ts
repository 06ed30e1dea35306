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

/**
 * Users and groups by container id ('' is the host). The capture's user list fills the host's;
 * user/group-added events (newer drivers) fill any.
 */
export class UserTable {
  readonly users = new Map<number, User>();
  readonly groups = new Map<number, Group>();
  private readonly containerUsers = new Map<string, Map<number, User>>();
  private readonly containerGroups = new Map<string, Map<number, Group>>();

  private usersOf(container: string): Map<number, User> {
    if (container === '') return this.users;
    let m = this.containerUsers.get(container);
    if (!m) this.containerUsers.set(container, (m = new Map()));
    return m;
  }

  private groupsOf(container: string): Map<number, Group> {
    if (container === '') return this.groups;
    let m = this.containerGroups.get(container);
    if (!m) this.containerGroups.set(container, (m = new Map()));
    return m;
  }

  addUser(container: string, u: User): void {
    this.usersOf(container).set(u.uid, u);
  }
  removeUser(container: string, uid: number): void {
    this.usersOf(container).delete(uid);
  }
  addGroup(container: string, g: Group): void {
    this.groupsOf(container).set(g.gid, g);
  }
  removeGroup(container: string, gid: number): void {
    this.groupsOf(container).delete(gid);
  }

  /** A container's user (current libs looks users up in the thread's container). */
  containerUser(container: string, uid: number): User | null {
    if (uid === 0xffffffff) return null;
    return (container === '' ? this.users : this.containerUsers.get(container))?.get(uid) ?? null;
  }

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
