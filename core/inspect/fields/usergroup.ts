/** user.* and group.* fields: the thread's uid/gid resolved through the capture's user list. */
import type { ThreadInfo } from '../threadinfo.js';
import { defineFields, type FieldContext, type FieldDef, type FieldValue } from './types.js';

function thread(c: FieldContext): ThreadInfo | null {
  return c.evt.tinfo ?? c.state.threads.getRef(c.evt.tid, false);
}

function userField(fn: (t: ThreadInfo, c: FieldContext) => FieldValue) {
  return (c: FieldContext): FieldValue => {
    const t = thread(c);
    return t === null ? null : fn(t, c);
  };
}

export const USER_FIELDS: FieldDef[] = defineFields('user', [
  { name: 'user.uid', type: 'UINT32', format: 'ID', display: 'User ID', desc: 'user ID.', get: userField((t) => t.uid) },
  { name: 'user.name', type: 'CHARBUF', display: 'User Name', desc: 'user name.', get: userField((t, c) => c.state.users.user(t.uid)?.name ?? null) },
  { name: 'user.homedir', type: 'CHARBUF', display: 'Home Directory', desc: 'home directory of the user.', get: userField((t, c) => c.state.users.user(t.uid)?.homedir ?? null) },
  { name: 'user.shell', type: 'CHARBUF', display: 'Shell', desc: "user's shell.", get: userField((t, c) => c.state.users.user(t.uid)?.shell ?? null) },
  { name: 'user.loginuid', type: 'INT32', format: 'ID', display: 'Login User ID', desc: 'audit user id (auid).', get: userField((t) => t.loginuid | 0) },
  { name: 'user.loginname', type: 'CHARBUF', display: 'Login User Name', desc: 'audit user name (auid).', get: userField((t, c) => c.state.users.user(t.loginuid)?.name ?? null) },
]);

export const GROUP_FIELDS: FieldDef[] = defineFields('group', [
  // libsinsp declares group.gid as a u64 but points at the u32 gid, so the printed value also
  // carries the low half of the next field of its thread struct (the child count).
  { name: 'group.gid', type: 'UINT64', format: 'ID', display: 'Group ID', desc: 'group ID.', get: userField((t) => BigInt(t.gid >>> 0) | (BigInt(t.nchilds >>> 0) << 32n)) },
  { name: 'group.name', type: 'CHARBUF', display: 'Group Name', desc: 'group name.', get: userField((t, c) => c.state.users.group(t.gid)?.name ?? null) },
]);
