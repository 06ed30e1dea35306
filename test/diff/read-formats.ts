/** -p formats shared by the read differential suites. */

/** The field list the brief asks for, in a -p format that prints missing values as <NA>. */
export const WIDE_FORMAT =
  '*%evt.num %evt.rawtime %evt.cpu %evt.dir %evt.type %evt.res %evt.rawres %evt.failed %evt.args %evt.info ' +
  '%thread.tid %proc.pid %proc.ppid %proc.name %proc.pname %proc.exe %proc.args %proc.cmdline %proc.cwd ' +
  '%proc.aname[2] %user.name %user.uid %group.gid %fd.num %fd.type %fd.typechar %fd.name %fd.directory ' +
  '%fd.filename %fd.sip %fd.cip %fd.sport %fd.cport %fd.l4proto %fd.sockfamily %fd.is_server %container.id ' +
  '%container.name';
