/**
 * A unit as the repository names it. systemd-analyze can only assess an instance, so a template
 * `syncthing@.service` is analysed as its own test instance (`syncthing@i.service` on 252/254,
 * `syncthing@test_instance.service` on 257+); a reviewer looks for the template's name. Instances
 * the repository names itself (`app@main.service`) keep theirs.
 */
import type { ServiceReport } from '../diff/report.js'
import { isSystemdVersion, VERSION_TRAITS } from '../model/versions.js'

/** The template's file name when the unit is the template analysed as systemd-analyze's instance, else null. */
export function templateName(s: ServiceReport, systemdVersion: string): string | null {
  if (!isSystemdVersion(systemdVersion)) return null
  const instance = VERSION_TRAITS[systemdVersion].templateInstance
  const m = /^([^@/]+)@([^@/.]*)\.([a-z]+)$/.exec(s.unit)
  if (!m || m[2] !== instance) return null
  const template = `${m[1]}@.${m[3]}`
  // The template file itself (or its build template, `foo@.service.in`).
  const file = s.path.slice(s.path.lastIndexOf('/') + 1)
  return file === template || file.startsWith(`${template}.`) ? template : null
}

/** The name to show: the template's for a template, else the unit's. */
export function shownUnitName(s: ServiceReport, systemdVersion: string): string {
  return templateName(s, systemdVersion) ?? s.unit
}
