/** LoadCredential=, SetCredential= and their Encrypted variants (the grammar is in ../credentials.ts). */
import { loadCredential as addLoaded, setCredential as addSet } from '../credentials.js'
import { type Handler, lineContext } from './handler.js'

export const loadCredential =
  (encrypted: boolean): Handler =>
  (s, a, ctx) =>
    void addLoaded(s.loadCredentials, a.value, encrypted, {
      ...lineContext(ctx, a),
      base64ErrorNamed: ctx.traits.base64ErrorNamed,
    })

export const setCredential =
  (encrypted: boolean): Handler =>
  (s, a, ctx) =>
    void addSet(s.setCredentials, a.value, encrypted, {
      ...lineContext(ctx, a),
      base64ErrorNamed: ctx.traits.base64ErrorNamed,
    })
