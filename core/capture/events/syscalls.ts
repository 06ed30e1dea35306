/**
 * ppm syscall codes (PPM_SC_*) -> syscall names, for PT_SYSCALLID params and the evt.type of
 * generic (PPME_GENERIC_E/X) events, which carry the code instead of having an event type.
 * Current names from falcosecurity/libs 48dfd53cd23f (PPM_SC_X list, lower-cased); the numbers are
 * stable across versions. sysdig 0.29.3 took names from its syscall info table instead; where
 * those differ (e.g. 283 "newselect" vs "_newselect") they are in SYSDIG029_SYSCALL_NAMES.
 */

/** Index = PPM_SC code. */
export const SYSCALL_NAMES: readonly string[] = [
  'unknown', 'restart_syscall', 'exit', 'read', 'write', 'open', 'close', 'creat', 'link', 'unlink',
  'chdir', 'time', 'mknod', 'chmod', 'stat', 'lseek', 'getpid', 'mount', 'ptrace', 'alarm', 'fstat',
  'pause', 'utime', 'access', 'sync', 'kill', 'rename', 'mkdir', 'rmdir', 'dup', 'pipe', 'times', 'brk',
  'acct', 'ioctl', 'fcntl', 'setpgid', 'umask', 'chroot', 'ustat', 'dup2', 'getppid', 'getpgrp', 'setsid',
  'sethostname', 'setrlimit', 'getrusage', 'gettimeofday', 'settimeofday', 'symlink', 'lstat', 'readlink',
  'uselib', 'swapon', 'reboot', 'mmap', 'munmap', 'truncate', 'ftruncate', 'fchmod', 'getpriority',
  'setpriority', 'statfs', 'fstatfs', 'syslog', 'setitimer', 'getitimer', 'uname', 'vhangup', 'wait4',
  'swapoff', 'sysinfo', 'fsync', 'setdomainname', 'adjtimex', 'mprotect', 'init_module', 'delete_module',
  'quotactl', 'getpgid', 'fchdir', 'sysfs', 'personality', 'getdents', 'select', 'flock', 'msync', 'readv',
  'writev', 'getsid', 'fdatasync', 'mlock', 'munlock', 'mlockall', 'munlockall', 'sched_setparam',
  'sched_getparam', 'sched_setscheduler', 'sched_getscheduler', 'sched_yield', 'sched_get_priority_max',
  'sched_get_priority_min', 'sched_rr_get_interval', 'nanosleep', 'mremap', 'poll', 'prctl',
  'rt_sigaction', 'rt_sigprocmask', 'rt_sigpending', 'rt_sigtimedwait', 'rt_sigqueueinfo', 'rt_sigsuspend',
  'getcwd', 'capget', 'capset', 'sendfile', 'getrlimit', 'lchown', 'getuid', 'getgid', 'geteuid',
  'getegid', 'setreuid', 'setregid', 'getgroups', 'setgroups', 'fchown', 'setresuid', 'getresuid',
  'setresgid', 'getresgid', 'chown', 'setuid', 'setgid', 'setfsuid', 'setfsgid', 'pivot_root', 'mincore',
  'madvise', 'gettid', 'setxattr', 'lsetxattr', 'fsetxattr', 'getxattr', 'lgetxattr', 'fgetxattr',
  'listxattr', 'llistxattr', 'flistxattr', 'removexattr', 'lremovexattr', 'fremovexattr', 'tkill', 'futex',
  'sched_setaffinity', 'sched_getaffinity', 'set_thread_area', 'get_thread_area', 'io_setup', 'io_destroy',
  'io_getevents', 'io_submit', 'io_cancel', 'exit_group', 'epoll_create', 'epoll_ctl', 'epoll_wait',
  'remap_file_pages', 'set_tid_address', 'timer_create', 'timer_settime', 'timer_gettime',
  'timer_getoverrun', 'timer_delete', 'clock_settime', 'clock_gettime', 'clock_getres', 'clock_nanosleep',
  'tgkill', 'utimes', 'mq_open', 'mq_unlink', 'mq_timedsend', 'mq_timedreceive', 'mq_notify',
  'mq_getsetattr', 'kexec_load', 'waitid', 'add_key', 'request_key', 'keyctl', 'ioprio_set', 'ioprio_get',
  'inotify_init', 'inotify_add_watch', 'inotify_rm_watch', 'openat', 'mkdirat', 'mknodat', 'fchownat',
  'futimesat', 'unlinkat', 'renameat', 'linkat', 'symlinkat', 'readlinkat', 'fchmodat', 'faccessat',
  'pselect6', 'ppoll', 'unshare', 'set_robust_list', 'get_robust_list', 'splice', 'tee', 'vmsplice',
  'getcpu', 'epoll_pwait', 'utimensat', 'signalfd', 'timerfd_create', 'eventfd', 'timerfd_settime',
  'timerfd_gettime', 'signalfd4', 'eventfd2', 'epoll_create1', 'dup3', 'pipe2', 'inotify_init1', 'preadv',
  'pwritev', 'rt_tgsigqueueinfo', 'perf_event_open', 'fanotify_init', 'prlimit64', 'clock_adjtime',
  'syncfs', 'setns', 'getdents64', 'socket', 'bind', 'connect', 'listen', 'accept', 'getsockname',
  'getpeername', 'socketpair', 'sendto', 'recvfrom', 'shutdown', 'setsockopt', 'getsockopt', 'sendmsg',
  'sendmmsg', 'recvmsg', 'recvmmsg', 'accept4', 'semop', 'semget', 'semctl', 'msgsnd', 'msgrcv', 'msgget',
  'msgctl', 'shmdt', 'shmget', 'shmctl', 'statfs64', 'fstatfs64', 'fstatat64', 'sendfile64', 'ugetrlimit',
  'bdflush', 'sigprocmask', 'ipc', 'socketcall', 'stat64', 'lstat64', 'fstat64', 'fcntl64', 'mmap2',
  '_newselect', 'sgetmask', 'ssetmask', 'sigpending', 'olduname', 'umount', 'signal', 'nice', 'stime',
  '_llseek', 'waitpid', 'pread64', 'pwrite64', 'arch_prctl', 'shmat', 'rt_sigreturn', 'fallocate',
  'newfstatat', 'process_vm_readv', 'process_vm_writev', 'fork', 'vfork', 'setuid32', 'getuid32',
  'setgid32', 'geteuid32', 'getgid32', 'setresuid32', 'setresgid32', 'getresuid32', 'getresgid32',
  'finit_module', 'bpf', 'seccomp', 'sigaltstack', 'getrandom', 'fadvise64', 'renameat2', 'userfaultfd',
  'openat2', 'umount2', 'execve', 'execveat', 'copy_file_range', 'clone', 'clone3', 'open_by_handle_at',
  'io_uring_setup', 'io_uring_enter', 'io_uring_register', 'mlock2', 'getegid32', 'fsconfig', 'fspick',
  'fsmount', 'fsopen', 'open_tree', 'move_mount', 'mount_setattr', 'memfd_create', 'memfd_secret',
  'ioperm', 'kexec_file_load', 'pidfd_getfd', 'pidfd_open', 'pidfd_send_signal', 'pkey_alloc',
  'pkey_mprotect', 'pkey_free', 'landlock_create_ruleset', 'quotactl_fd', 'landlock_restrict_self',
  'landlock_add_rule', 'epoll_pwait2', 'migrate_pages', 'move_pages', 'preadv2', 'pwritev2', 'kcmp',
  'sched_setattr', 'mbind', 'epoll_ctl_old', 'lookup_dcookie', 'modify_ldt', 'statx', 'set_mempolicy',
  'io_pgetevents', 'set_mempolicy_home_node', 'semtimedop', 'get_kernel_syms', 'readahead', 'futex_waitv',
  'getpmsg', 'name_to_handle_at', 'process_mrelease', 'nfsservctl', 'epoll_wait_old', 'rseq',
  'create_module', 'na_1', 'sched_getattr', 'faccessat2', '_sysctl', 'query_module', 'get_mempolicy',
  'sync_file_range', 'process_madvise', 'membarrier', 'iopl', 'close_range', 'fanotify_mark', 'recv',
  'send', 'sched_process_exit', 'sched_switch', 'page_fault_user', 'page_fault_kernel', 'signal_deliver',
  'timerfd', 's390_pci_mmio_read', 'sigaction', 's390_pci_mmio_write', 'readdir', 's390_sthyi',
  'sigsuspend', 'idle', 's390_runtime_instr', 'sigreturn', 's390_guarded_storage', 'cachestat',
  'fchmodat2', 'map_shadow_stack', 'riscv_flush_icache', 'riscv_hwprobe', 'futex_wake', 'futex_requeue',
  'futex_wait', 'oldstat', 'switch_endian', 'multiplexer', 'oldlstat', 'spu_create', 'sync_file_range2',
  'oldfstat', 'spu_run', 'swapcontext', 'pciconfig_write', 'rtas', 'pciconfig_read',
  'sys_debug_setcontext', 'vm86', 'oldolduname', 'subpage_prot', 'pciconfig_iobase', 'listmount',
  'statmount', 'lsm_get_self_attr', 'lsm_set_self_attr', 'lsm_list_modules', 'mseal', 'uretprobe',
  'removexattrat', 'listxattrat', 'getxattrat', 'setxattrat', 'open_tree_attr', 'file_getattr',
  'file_setattr', 'listns', 'uprobe', 'rseq_slice_yield',
];

/** PPM_SC_MAX of sysdig 0.29.3: higher codes render as "<unknown syscall>" there. */
export const SYSDIG029_SYSCALL_COUNT = 329;

/** Names sysdig 0.29.3 prints where they differ from SYSCALL_NAMES. */
export const SYSDIG029_SYSCALL_NAMES: Readonly<Record<number, string>> = {
  0: '<unknown>', // now unknown
  283: 'newselect', // now _newselect
  292: 'llseek', // now _llseek
  298: 'sigreturn', // now rt_sigreturn
  305: 'setuid', // now setuid32
  306: 'getuid', // now getuid32
  307: 'setgid', // now setgid32
  308: 'geteuid', // now geteuid32
  309: 'getgid', // now getgid32
  310: 'setresuid', // now setresuid32
  311: 'setresgid', // now setresgid32
  312: 'getresuid', // now getresuid32
  313: 'getresgid', // now getresgid32
};

/**
 * syscall category (EC_* low bits) per PPM_SC code in sysdig 0.29.3's syscall info table: what
 * evt.category shows for generic events there.
 */
export const SYSDIG029_SYSCALL_CATEGORIES: readonly number[] = [
  1, 8, 6, 32, 33, 2, 2, 2, 2, 2, 2, 11, 2, 2, 2, 2, 6, 2, 1, 11, 2, 64, 11, 2, 34, 4, 2, 2, 2, 34, 4, 11,
  5, 6, 34, 64, 6, 6, 4, 2, 34, 6, 6, 6, 8, 6, 6, 11, 11, 2, 2, 2, 6, 6, 8, 2, 2, 2, 2, 2, 6, 6, 2, 2, 8,
  11, 11, 8, 1, 64, 8, 8, 34, 8, 8, 5, 8, 8, 8, 6, 2, 8, 6, 2, 64, 2, 34, 32, 33, 6, 34, 5, 5, 5, 5, 6, 6,
  6, 6, 7, 6, 6, 6, 7, 2, 64, 6, 9, 9, 9, 9, 9, 9, 2, 6, 6, 2, 6, 2, 10, 10, 10, 10, 10, 10, 10, 10, 2, 10,
  10, 10, 10, 2, 10, 10, 10, 10, 6, 5, 5, 6, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 9, 4, 6, 6, 6, 6, 34, 34,
  34, 34, 34, 34, 64, 64, 64, 2, 6, 11, 11, 11, 11, 11, 11, 11, 11, 7, 9, 2, 4, 4, 4, 4, 4, 4, 8, 64, 8, 8,
  8, 6, 6, 4, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 64, 64, 6, 6, 6, 4, 4, 4, 6, 64, 2, 9, 11, 4, 11,
  11, 9, 4, 64, 34, 4, 4, 32, 33, 1, 1, 4, 6, 1, 2, 6, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2, 2, 6, 1, 9, 4, 3, 2, 2, 2, 2, 2, 64, 9, 9, 9, 8, 2, 9, 6,
  11, 2, 64, 2, 2, 6, 4, 9, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 8, 1, 1, 34, 34,
  34, 2, 2, 2, 2, 8, 8, 2, 6, 6,
];
