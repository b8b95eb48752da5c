/**
 * What kind of program a service runs, recognised by executable or unit name: the service
 * categories of hardening-knowledge.md §6.2 and a few more the context rules need. Names are
 * compared after stripping a trailing version (`php-fpm8.2` → `php-fpm`, `python3.11` →
 * `python`); a trailing `*` matches a prefix.
 */

export type Category =
  | 'jit' | 'interpreter' | 'shell' | 'privilege-dropper' | 'chroot' | 'network-manager' | 'tun'
  | 'packet' | 'time' | 'device' | 'audio' | 'realtime' | 'container' | 'ci-runner' | 'system-manager'
  | 'session' | 'scheduler' | 'log-collector' | 'monitoring' | 'backup' | 'browser' | 'mounter'
  | 'setuid-helper' | 'mail-sender' | 'hostname' | 'etc-writer' | 'shares-tmp' | 'home-data'
  | 'installer' | 'namespaces' | 'modules' | 'kernel-tuner' | 'ipc-shared' | 'security-agent'
  | 'workload-launcher' | 'plugin-host' | 'tmp-data'

export interface CategoryInfo {
  /** How a reason names a program of this kind: "chronyd is a time daemon". */
  readonly what: string
  readonly programs: readonly string[]
}

/**
 * What the default configuration of a program keeps in /tmp (upstream defaults): PrivateTmp=
 * would lose that data at every restart or hide that socket from its clients.
 */
export const TMP_DEFAULTS: Readonly<Record<string, string>> = {
  loki: 'its chunks and index (path_prefix: /tmp/loki in the packaged config.yml)',
  tempo: 'its traces (/tmp/tempo in the packaged configuration)',
  pgbouncer: 'its Unix socket (unix_socket_dir = /tmp)',
  mongod: 'its Unix socket (/tmp/mongodb-27017.sock)',
  mongos: 'its Unix socket (/tmp/mongodb-27017.sock)',
  mysqld: 'its Unix socket in upstream builds (/tmp/mysql.sock)',
  mariadbd: 'its Unix socket in upstream builds (/tmp/mysql.sock)',
  postgres: 'its Unix socket in upstream builds (unix_socket_directories = /tmp)',
}

export const CATEGORIES: Readonly<Record<Category, CategoryInfo>> = {
  jit: {
    what: 'a JIT or managed runtime',
    programs: [
      'java', 'javaw', 'jsvc', 'node', 'nodejs', 'deno', 'bun', 'npm', 'npx', 'yarn', 'pm2', 'dotnet', 'mono', 'mono-sgen',
      'php', 'php-fpm', 'php-cgi', 'beam', 'beam.smp', 'erl', 'erlexec', 'elixir', 'iex', 'rabbitmq-server', 'couchdb',
      'ejabberd', 'ejabberdctl', 'luajit', 'openresty', 'kong', 'pypy', 'ruby', 'puma', 'unicorn', 'passenger', 'wasmtime',
      'wasmer', 'postgres', 'postmaster', 'pg_ctl', 'pg_ctlcluster', 'clickhouse', 'clickhouse-server', 'qemu-system-*',
      'qemu-kvm', 'monerod', 'julia', 'elasticsearch', 'opensearch', 'catalina.sh', 'tomcat*', 'jenkins', 'mongod', 'mongos',
      'electron', 'chromium', 'chrome', 'google-chrome', 'firefox', 'gjs', 'uwsgi', 'minetest', 'minetestserver', 'dnsdist',
      'pdns_recursor', 'kresd', 'rspamd', 'snort', 'wkhtmltopdf', 'phantomjs',
    ],
  },
  interpreter: {
    what: 'an interpreter whose extensions may need executable memory',
    programs: ['python', 'perl', 'gunicorn', 'uvicorn', 'celery', 'twistd', 'daphne', 'hypercorn', 'waitress-serve', 'tclsh', 'lua', 'Rscript', 'R'],
  },
  shell: { what: 'a shell script', programs: ['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox'] },
  'privilege-dropper': {
    what: 'a daemon that starts as root and drops privileges itself',
    programs: [
      'nginx', 'apache2', 'apache2ctl', 'httpd', 'lighttpd', 'h2o', 'postfix', 'master', 'postmulti', 'sshd', 'named',
      'unbound', 'dnsmasq', 'squid', 'haproxy', 'php-fpm', 'chronyd', 'ntpd', 'avahi-daemon', 'vsftpd', 'proftpd',
      'pure-ftpd', 'dhcpd', 'exim', 'dovecot', 'smbd', 'nmbd', 'slapd', 'openvpn', 'memcached', 'cupsd', 'varnishd',
      'pdns_server', 'pdns_recursor', 'dnsdist', 'kresd', 'knotd', 'nsd', 'radiusd', 'freeradius', 'courier*', 'opendkim',
      'opendmarc', 'spamd', 'amavisd', 'clamd', 'freshclam', 'cups-browsed', 'uwsgi', 'mosquitto', 'mysqld_safe', 'inetd', 'xinetd', 'ocserv', 'pptpd', 'tor',
      'stunnel', 'upsd', 'upsmon', 'snmpd', 'lldpd', 'munin-node', 'icinga2', 'zabbix_server', 'zabbix_agentd', 'bgpd', 'bgplgd',
      'dhcpcd', 'minidlnad', 'rsyslogd', 'in.tftpd', 'atftpd', 'rpc.mountd', 'rpcbind', 'krb5kdc', 'kadmind', 'inspircd',
    ],
  },
  chroot: {
    what: 'a daemon that chroot()s',
    programs: [
      'postfix', 'master', 'postmulti', 'sshd', 'named', 'unbound', 'vsftpd', 'avahi-daemon', 'dhcpd', 'proftpd', 'pure-ftpd',
      'ntpd', 'bgpd', 'bgplgd', 'lldpd', 'dhcpcd', 'in.tftpd', 'nsd', 'pdns_server', 'unbound-helper', 'haproxy',
    ],
  },
  'network-manager': {
    what: 'a network, VPN, routing or firewall manager',
    programs: [
      'NetworkManager', 'systemd-networkd', 'networkd-dispatcher', 'dhcpcd', 'dhclient', 'udhcpc', 'wpa_supplicant', 'iwd',
      'hostapd', 'openvpn', 'wg-quick', 'wg', 'tailscaled', 'zerotier-one', 'charon', 'charon-systemd', 'ipsec', 'starter',
      'swanctl', 'frr', 'zebra', 'bgpd', 'ospfd', 'watchfrr', 'bird', 'keepalived', 'firewalld', 'nft', 'iptables',
      'iptables-restore', 'ip6tables', 'ip6tables-restore', 'ebtables', 'ipset', 'ufw', 'fail2ban-server', 'kea-dhcp',
      'dhcpd', 'radvd', 'ModemManager', 'connmand', 'pppd', 'xl2tpd', 'pptpd', 'ifup', 'ifdown', 'netplan', 'ip', 'tc',
      'brctl', 'ethtool', 'iw', 'ovs-vswitchd', 'ovsdb-server', 'ovs-ctl', 'ovs-vsctl', 'neutron-*', 'ocserv', 'osmo-ggsn',
      'miniupnpd', 'vip-manager', 'conntrackd', 'tincd', 'fastd', 'openconnect', 'vpnc',
    ],
  },
  tun: {
    what: 'a VPN or tunnel daemon that needs /dev/net/tun or /dev/ppp',
    programs: [
      'openvpn', 'tailscaled', 'zerotier-one', 'wireguard-go', 'ocserv', 'pptpd', 'pppd', 'xl2tpd', 'osmo-ggsn', 'tincd',
      'fastd', 'openconnect', 'vpnc', 'slirp4netns', 'ovs-vswitchd',
    ],
  },
  packet: {
    what: 'a program that uses raw packet sockets (DHCP, capture, VRRP)',
    programs: [
      'dhcpd', 'kea-dhcp', 'dnsmasq', 'dhcpcd', 'dhclient', 'udhcpc', 'dhcrelay', 'tcpdump', 'suricata', 'snort', 'zeek',
      'arpwatch', 'lldpd', 'hostapd', 'wpa_supplicant', 'NetworkManager', 'systemd-networkd', 'keepalived', 'pppoe', 'pppd',
      'arping', 'ndppd', 'darkstat', 'ntopng', 'ovs-vswitchd', 'vip-manager', 'miniupnpd',
    ],
  },
  time: {
    what: 'a time daemon',
    programs: ['chronyd', 'chrony', 'ntpd', 'ntpsec', 'openntpd', 'ntpdate', 'sntp', 'systemd-timesyncd', 'ptp4l', 'phc2sys', 'ts2phc', 'timemaster', 'hwclock'],
  },
  device: {
    what: 'a device, hardware or storage daemon',
    programs: [
      'udevd', 'systemd-udevd', 'udevadm', 'udisksd', 'smartd', 'lvm', 'lvmetad', 'dmeventd', 'mdadm', 'mdmon', 'multipathd',
      'iscsid', 'iscsiadm', 'tgtd', 'tgtadm', 'tcmu-runner', 'targetcli', 'rbd-target-api', 'rbd-target-gw', 'upsd',
      'upsmon', 'upsdrvctl', 'upsdrvsvcctl', 'nut-driver*', 'nut-scanner', 'usbhid-ups', 'fwupd', 'boltd', 'tlp', 'thermald',
      'fancontrol', 'irqbalance', 'tuned', 'gpsd', 'ModemManager', 'bluetoothd', 'cupsd', 'pcscd', 'tpm2-abrmd', 'libvirtd',
      'virtqemud', 'nvidia-persistenced', 'sensord', 'sensors', 'hdparm', 'acpid', 'rngd', 'lircd', 'brltty',
      'usbguard-daemon', 'usbmuxd', 'alsactl', 'gpm', 'plymouthd', 'rasdaemon', 'mcelog', 'sanlock', 'wdmd', 'watchdog',
      'vmtoolsd', 'qemu-ga', 'spice-vdagentd', 'hv_kvp_daemon', 'x2gocdmanager', 'blkmapd', 'zramswap',
      'zramctl', 'swapon', 'mkswap', 'svxlink', 'cinder-backup', 'ocsinventory-agent', 'dmidecode', 'btrfs',
    ],
  },
  audio: {
    what: 'an audio or speech service',
    programs: [
      'pipewire', 'pipewire-pulse', 'wireplumber', 'pulseaudio', 'jackd', 'jackdbus', 'shairport-sync', 'mpd', 'snapserver',
      'snapclient', 'squeezelite', 'librespot', 'spotifyd', 'speech-dispatcher', 'svxlink',
    ],
  },
  realtime: {
    what: 'a program that uses realtime scheduling',
    programs: ['corosync', 'pacemakerd', 'freeswitch', 'asterisk', 'rtkit-daemon', 'ptp4l', 'phc2sys', 'linuxcnc', 'jackd'],
  },
  container: {
    what: 'a container, VM or sandbox manager',
    programs: [
      'dockerd', 'docker', 'containerd', 'containerd-shim*', 'podman', 'conmon', 'crio', 'kubelet', 'k3s', 'k0s', 'rke2',
      'lxd', 'lxc', 'lxc-start', 'lxc-autostart', 'incusd', 'systemd-nspawn', 'nix-daemon', 'runc', 'crun', 'buildkitd',
      'buildah', 'libvirtd', 'virtqemud', 'qemu-system-*', 'firecracker', 'snapd', 'flatpak', 'systemd-machined',
      'systemd-importd', 'systemd-portabled', 'slurmd',
    ],
  },
  'ci-runner': {
    what: 'a CI or build runner',
    programs: [
      'gitlab-runner', 'Runner.Listener', 'runsvc.sh', 'act_runner', 'woodpecker-agent', 'drone-runner-*', 'buildkite-agent',
      'buildbot', 'buildbot-worker', 'obsworker', 'obs-worker', 'sbuild', 'pbuilder', 'mock', 'jenkins-agent',
    ],
  },
  'system-manager': {
    what: 'a configuration-management, update or provisioning agent',
    programs: [
      'puppet', 'chef-client', 'salt-minion', 'salt-call', 'ansible-pull', 'cloud-init', 'cloud-init-hotplugd',
      'unattended-upgrade', 'unattended-upgrades', 'dnf-automatic', 'packagekitd', 'apt', 'apt-get', 'aptitude', 'dpkg',
      'apt.systemd.daily', 'needrestart', 'snap', 'snapd*', 'plinth', 'trove-guestagent', 'landscape-client', 'webmin',
    ],
  },
  session: {
    what: 'a login or session manager whose sessions inherit every restriction',
    programs: [
      'sshd', 'dropbear', 'login', 'agetty', 'getty', 'mingetty', 'gdm', 'lightdm', 'sddm', 'greetd', 'xdm', 'lxdm', 'slim',
      'xrdp', 'xrdp-sesman', 'telnetd', 'in.telnetd', 'cockpit-ws', 'Xorg', 'Xvnc', 'vncserver', 'weston', 'cage', 'phog',
      'x2goserver', 'kmscon',
    ],
  },
  scheduler: {
    what: 'a job scheduler whose jobs inherit every restriction',
    programs: ['cron', 'crond', 'anacron', 'atd', 'fcron', 'jobber', 'supercronic', 'bcron'],
  },
  'log-collector': {
    what: 'a log collector',
    programs: [
      'rsyslogd', 'syslog-ng', 'syslogd', 'klogd', 'fluent-bit', 'td-agent-bit', 'fluentd', 'td-agent', 'vector', 'promtail',
      'alloy', 'grafana-agent', 'filebeat', 'journalbeat', 'auditbeat', 'osqueryd', 'falco', 'wazuh-agentd', 'auditd',
      'systemd-journald', 'logstash', 'splunkd', 'nxlog', 'mcelog', 'rasdaemon', 'dmesg',
    ],
  },
  monitoring: {
    what: 'a monitoring agent',
    programs: [
      'node_exporter', 'prometheus-node-exporter', 'zabbix_agentd', 'zabbix_agent', 'netdata', 'telegraf', 'datadog-agent',
      'nrpe', 'collectd', 'process-exporter', 'munin-node', 'snmpd', 'icinga2', 'nagios', 'naemon', 'monit', 'glances',
      'cadvisor', 'ocsinventory-agent',
    ],
  },
  backup: {
    what: 'a backup agent',
    programs: [
      'borg', 'borgmatic', 'restic', 'bacula-fd', 'bareos-fd', 'duplicity', 'duplicati', 'rsnapshot', 'amanda', 'burp',
      'rdiff-backup', 'btrbk', 'zrepl', 'sanoid', 'syncoid', 'urbackupclientbackend',
    ],
  },
  browser: {
    what: 'a browser engine with its own sandbox',
    programs: ['chromium', 'chromium-browser', 'chrome', 'google-chrome', 'headless_shell', 'puppeteer', 'playwright', 'electron', 'firefox'],
  },
  mounter: {
    what: 'a service that mounts or maintains file systems',
    programs: [
      'automount', 'autofs', 'udisksd', 'snapd', 'rclone', 'sshfs', 's3fs', 'goofys', 'mount', 'umount', 'mount.nfs',
      'mount.cifs', 'zfs', 'zpool', 'cryptsetup', 'cryptdisks_start', 'losetup', 'mergerfs', 'bindfs', 'gocryptfs', 'encfs',
      'glusterfs', 'ceph-fuse', 'exportfs', 'rpc.nfsd', 'rpc.mountd', 'blkmapd', 'systemd-importd', 'systemd-portabled',
      'systemd-machined', 'snapper', 'x2gocdmanager', 'nfsdcltrack', 'btrfs*', 'fstrim', 'e2scrub*', 'xfs_scrub*',
    ],
  },
  'setuid-helper': {
    what: 'a setuid/setgid helper',
    programs: [
      'sudo', 'su', 'pkexec', 'doas', 'sendmail', 'mail', 'mailx', 'bsd-mailx', 'fusermount', 'fusermount3', 'newuidmap',
      'newgidmap', 'ping', 'arping', 'traceroute', 'mtr', 'mtr-packet', 'crontab', 'at', 'unix_chkpwd', 'passwd', 'newgrp',
      'sg', 'dumpcap', 'postdrop', 'postqueue', 'dotlockfile', 'procmail', 'ntfs-3g', 'exim',
    ],
  },
  'mail-sender': {
    what: 'a daemon that may send mail alerts through sendmail',
    programs: ['smartd', 'mdadm', 'monit', 'zed', 'apcupsd', 'upsmon', 'logwatch', 'fail2ban-server', 'aide', 'rkhunter', 'sympa*', 'mailman', 'chronyd'],
  },
  hostname: {
    what: 'a service that sets or follows the hostname',
    programs: [
      'NetworkManager', 'systemd-networkd', 'dhcpcd', 'dhclient', 'cloud-init', 'systemd-hostnamed', 'hostnamectl', 'hostname',
      'avahi-daemon', 'corosync', 'pacemakerd', 'ovs-record-hostname', 'ovs-ctl',
    ],
  },
  'etc-writer': {
    what: 'a program that writes to /etc',
    programs: [
      'resolvconf', 'certbot', 'acme.sh', 'update-ca-certificates', 'ssh-keygen', 'hostnamectl', 'timedatectl', 'localectl',
      'locale-gen', 'dpkg-reconfigure', 'netplan', 'etckeeper', 'newaliases', 'postalias', 'postmap', 'ldconfig',
      'update-initramfs', 'update-grub', 'grub-mkconfig', 'kernel-install', 'ovs-record-hostname', 'ovs-ctl', 'unbound-helper',
      'configure-instance.sh', 'sensors-detect', 'firewalld', 'fwupd',
    ],
  },
  'shares-tmp': {
    what: 'a program that exchanges files through /tmp with other programs',
    programs: ['clamd', 'clamonacc', 'amavisd', 'Xorg', 'tmux', 'screen'],
  },
  'home-data': {
    what: 'a service that reads or writes users\' home directories',
    programs: [
      'dovecot', 'master', 'postfix', 'postmulti', 'courier*', 'exim', 'procmail', 'maildrop', 'syncthing', 'smbd', 'rsync',
      'vsftpd', 'proftpd', 'pure-ftpd', 'clamonacc', 'rpc.nfsd', 'exportfs', 'nfsdcltrack', 'afpd', 'netatalk', 'minidlnad',
      'accounts-daemon', 'updatedb',
    ],
  },
  installer: {
    what: 'a package or image installer',
    programs: ['dpkg', 'apt', 'apt-get', 'rpm', 'dnf', 'yum', 'zypper', 'pacman', 'snapd', 'flatpak', 'packagekitd', 'unattended-upgrade', 'obsworker'],
  },
  namespaces: {
    what: 'a program that creates namespaces',
    programs: ['bwrap', 'firejail', 'unshare', 'nsenter', 'ip', 'neutron-*', 'systemd-nspawn', 'podman', 'buildah', 'nix-daemon'],
  },
  modules: {
    what: 'a program that loads kernel modules',
    programs: ['modprobe', 'insmod', 'rmmod', 'depmod', 'modinfo', 'nvidia-persistenced', 'zramswap', 'openvswitch', 'ovs-ctl', 'sensors-detect'],
  },
  'kernel-tuner': {
    what: 'a program that writes kernel tunables',
    programs: ['sysctl', 'irqbalance', 'tuned', 'tlp', 'thermald', 'fancontrol', 'zramswap', 'zramctl', 'cpupower', 'ethtool', 'sensors', 'open-iscsi', 'udevadm', 'systemd-udevd'],
  },
  'security-agent': {
    what: 'a security agent that watches the whole system (fanotify, audit, eBPF)',
    programs: ['clamonacc', 'fapolicyd', 'falco', 'osqueryd', 'auditd', 'usbguard-daemon', 'tetragon', 'tracee', 'wazuh-agentd', 'aide'],
  },
  'workload-launcher': {
    what: 'an agent that starts other people\'s workloads (jobs, builds, remote shell sessions)',
    programs: [
      'nomad', 'jenkins', 'slurmd', 'slurmstepd', 'mesos-agent', 'mesos-slave', 'teleport', 'tailscaled', 'consul', 'rundeckd',
      'condor_master', 'condor_startd', 'pbs_mom', 'torque_mom', 'flux-broker', 'airflow', 'celery', 'kestra', 'gocd-agent',
      'go-agent', 'concourse', 'teamcity-agent', 'bamboo-agent', 'rexd', 'mcollectived', 'st2actionrunner',
    ],
  },
  'plugin-host': {
    what: 'a monitoring agent that runs plugins (some use sudo, devices such as IPMI or SMART, perf or eBPF)',
    programs: [
      'telegraf', 'collectd', 'netdata', 'zabbix_agentd', 'zabbix_agent', 'zabbix_agent2', 'nrpe', 'munin-node', 'icinga2',
      'nagios', 'naemon', 'datadog-agent', 'check_mk_agent', 'sensu-agent', 'newrelic-infra', 'grafana-agent', 'alloy',
      'otelcol', 'otelcol-contrib', 'metricbeat', 'ncpa_listener',
    ],
  },
  'tmp-data': {
    what: 'a daemon whose default configuration keeps its data or its Unix socket in /tmp',
    programs: Object.keys(TMP_DEFAULTS),
  },
  'ipc-shared': {
    what: 'a database or middleware that shares SysV/POSIX IPC with sibling processes',
    programs: ['postgres', 'postmaster', 'pg_ctlcluster', 'oracle', 'sapstart', 'db2sysc'],
  },
}

/**
 * Privileged ports well-known daemons listen on by default (so they keep CAP_NET_BIND_SERVICE
 * even when the unit does not spell the port out).
 */
export const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  nginx: 80, apache2: 80, apache2ctl: 80, httpd: 80, lighttpd: 80, h2o: 80, caddy: 443, sshd: 22, dropbear: 22, named: 53,
  unbound: 53, dnsmasq: 53, dnsdist: 53, pdns_server: 53, pdns_recursor: 53, kresd: 53, knotd: 53, nsd: 53, master: 25,
  postfix: 25, postmulti: 25, exim: 25, sendmail: 25, smtpd: 25, 'courier*': 25, dovecot: 143, cupsd: 631, 'cups-browsed': 631,
  slapd: 389, smbd: 445, nmbd: 137, vsftpd: 21, proftpd: 21, 'pure-ftpd': 21, 'in.tftpd': 69, atftpd: 69, dhcpd: 67,
  'kea-dhcp': 67, dhcrelay: 67, chronyd: 123, ntpd: 123, rpcbind: 111, snmpd: 161, krb5kdc: 88, kadmind: 464, inetd: 21,
  xinetd: 21, ocserv: 443, haproxy: 80, traefik: 80, envoy: 80, charon: 500, 'charon-systemd': 500, bgpd: 179, bird: 179,
}

/** A program name without directory and trailing version: `/usr/sbin/php-fpm8.2` → `php-fpm`. */
export function programName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const stripped = base.replace(/[-_.]?[0-9]+(\.[0-9]+)*$/, '')
  return stripped === '' ? base : stripped
}

/** Whether the (normalised) program name is listed, exactly or by a `prefix*` entry. */
export function listed(name: string, programs: readonly string[]): boolean {
  return programs.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p || name === programName(p)))
}

/** The first category entry of `programs` that names the program, for evidence texts. */
export function categoriesOf(name: string): Category[] {
  return (Object.keys(CATEGORIES) as Category[]).filter((c) => listed(name, CATEGORIES[c].programs))
}

export function defaultPort(name: string): number | undefined {
  for (const [p, port] of Object.entries(DEFAULT_PORTS)) if (listed(name, [p])) return port
  return undefined
}
