import { BlockFormatError, Cursor } from './cursor.js';
import type { GroupInfo, UserInfo } from './metadata.js';

/**
 * User list blocks: a mix of user entries (type 0) and group entries (any other type, as libscap
 * reads them). V2 prefixes each entry with its length, counting the length field itself.
 */
const USER_ENTRY = 0;

export function parseUserList(buf: Buffer, start: number, end: number, version: number): { users: UserInfo[]; groups: GroupInfo[] } {
  const users: UserInfo[] = [];
  const groups: GroupInfo[] = [];
  const c = new Cursor(buf, start, end);
  while (c.left >= 4) {
    const entryStart = c.pos;
    let entryEnd: number | undefined;
    if (version >= 2) {
      const len = c.u32('entry length');
      if (len !== 0) {
        entryEnd = entryStart + len;
        if (entryEnd > end || len < 5) throw new BlockFormatError(`user entry length ${len} does not fit the block`, entryStart);
      }
    }
    const ec = entryEnd === undefined ? c : new Cursor(buf, c.pos, entryEnd);
    const type = ec.u8('entry type');
    if (type === USER_ENTRY) {
      users.push({
        uid: ec.u32('uid'),
        gid: ec.u32('gid'),
        name: ec.str16('user name'),
        homedir: ec.str16('home dir'),
        shell: ec.str16('shell'),
      });
    } else {
      groups.push({ gid: ec.u32('gid'), name: ec.str16('group name') });
    }
    c.pos = entryEnd ?? ec.pos;
  }
  return { users, groups };
}
