/** -p formats shared by the read differential suites. */

/** The field list the brief asks for, in a -p format that prints missing values as <NA>. */
export const WIDE_FORMAT =
  '*%evt.num %evt.rawtime %evt.cpu %evt.dir %evt.type %evt.res %evt.rawres %evt.failed %evt.args %evt.info ' +
  '%thread.tid %proc.pid %proc.ppid %proc.name %proc.pname %proc.exe %proc.args %proc.cmdline %proc.cwd ' +
  '%proc.aname[2] %user.name %user.uid %group.gid %fd.num %fd.type %fd.typechar %fd.name %fd.directory ' +
  '%fd.filename %fd.sip %fd.cip %fd.sport %fd.cport %fd.l4proto %fd.sockfamily %fd.is_server %container.id ' +
  '%container.name';

/** Every displayable sysdig field outside the brief's list, in -p batches (fields.test.ts checks coverage). */
export const FIELD_BATCHES: readonly string[][] = [
  ['evt.num', 'evt.time', 'evt.time.s', 'evt.datetime', 'evt.datetime.s', 'evt.rawtime.s', 'evt.rawtime.ns', 'evt.reltime', 'evt.reltime.s', 'evt.reltime.ns', 'evt.latency', 'evt.latency.s', 'evt.latency.ns', 'evt.latency.human', 'evt.deltatime', 'evt.deltatime.s', 'evt.deltatime.ns', 'evt.category', 'evt.buflen', 'evt.is_io', 'evt.is_io_read', 'evt.is_io_write', 'evt.io_dir', 'evt.is_wait', 'evt.wait_latency', 'evt.is_syslog', 'evt.count', 'evt.count.error', 'evt.count.error.file', 'evt.count.error.net', 'evt.count.error.memory', 'evt.count.error.other', 'evt.count.exit', 'syscall.type', 'evt.time.iso8601'],
  ['evt.num', 'proc.exeline', 'proc.nthreads', 'proc.nchilds', 'proc.pcmdline', 'proc.apid[1]', 'proc.apid[3]', 'proc.aname[0]', 'proc.aname[4]', 'proc.loginshellid', 'proc.duration', 'proc.fdopencount', 'proc.fdlimit', 'proc.fdusage', 'proc.vmsize', 'proc.vmrss', 'proc.vmswap', 'thread.pfmajor', 'thread.pfminor', 'thread.ismain', 'thread.cgroups', 'thread.cgroup.cpuacct', 'thread.vtid', 'proc.vpid', 'thread.vmsize', 'thread.vmrss', 'proc.sid', 'proc.sname', 'proc.tty', 'proc.exepath', 'proc.vpgid', 'thread.exectime', 'proc.is_container_healthcheck', 'proc.is_container_liveness_probe', 'proc.is_container_readiness_probe', 'proc.env'],
  ['evt.num', 'user.uid', 'user.name', 'user.homedir', 'user.shell', 'user.loginuid', 'user.loginname', 'group.gid', 'group.name', 'fd.lip', 'fd.rip', 'fd.lport', 'fd.rport', 'fd.uid', 'fd.containername', 'fd.containerdirectory', 'fd.cproto', 'fd.sproto', 'fd.lproto', 'fd.rproto', 'fd.connected', 'fd.name_changed', 'fd.name'],
  ['evt.num', 'container.id', 'container.name', 'container.image', 'container.image.id', 'container.type', 'container.privileged', 'container.mounts', 'container.mount[0]', 'container.mount.source[0]', 'container.mount.dest[0]', 'container.mount.mode[0]', 'container.mount.rdwr[0]', 'container.mount.propagation[0]', 'container.image.repository', 'container.image.tag', 'container.image.digest', 'container.healthcheck', 'container.liveness_probe', 'container.readiness_probe', 'k8s.pod.name', 'k8s.ns.name', 'k8s.pod.id', 'k8s.pod.labels', 'k8s.pod.label.app', 'k8s.rc.name', 'k8s.svc.name', 'k8s.deployment.name'],
  ['evt.num', 'evt.arg[0]', 'evt.arg[1]', 'evt.arg.fd', 'evt.arg.res', 'evt.arg.name', 'evt.rawarg.res', 'evt.abspath', 'evt.abspath.src', 'evt.abspath.dst', 'evt.is_open_read', 'evt.is_open_write', 'evt.is_open_exec', 'evt.buffer', 'evt.arg.data', 'evt.rawarg.size', 'evt.plugininfo', 'evt.pluginname', 'evt.type.is.open'],
];
