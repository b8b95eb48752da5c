/**
 * Units of a user's service manager (`systemd --user`): they run as the user who starts them,
 * and that manager holds no capabilities to give — `User=` unset does not mean root, `+` runs a
 * command with the user's own privileges, and no capability can be granted or reached that the
 * user could not reach from a shell already. Which manager reads a unit file is decided by where
 * it is installed; in a repository, by the directory it is kept in: the user search path's
 * `…/systemd/user/` (`/usr/lib/systemd/user`, `/etc/systemd/user`, `~/.config/systemd/user`, and
 * the `contrib/systemd/user/` of projects that ship both kinds). A unit elsewhere is a system
 * unit (systemd.unit(5), "Unit File Load Path").
 */
import type { PrivilegeProfile } from './privileges.js'

export function isUserUnitPath(path: string): boolean {
  return /(^|\/)systemd\/user\//.test(path)
}

/** A user unit's profile: what it starts, and no privilege at any level. */
export function userManagerProfile(systemProfile: PrivilegeProfile): PrivilegeProfile {
  return {
    ...systemProfile,
    user: { ...systemProfile.user, root: false, fromInstance: false },
    privateUsers: false,
    held: { root: false, caps: 0n },
    reachable: 0n,
    elevated: [],
  }
}
