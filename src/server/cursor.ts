/**
 * Cursors: the data layer's `next` position sealed for the client, opaque and tamper-evident.
 *
 * A cursor is `<payload>.<mac>`, both base64url: the payload is the JSON of `{ v, q, site, limit,
 * user, after, iat }`, the MAC its HMAC-SHA256 under the host's `cursorSecret` (WebCrypto). Opening
 * one checks, in order: its length and characters, the MAC (in constant time, by
 * `crypto.subtle.verify`), the payload's shape, its age, and that it belongs to the search it came
 * with (same `q`, `site`, `limit` and `user`). Any failure is a refusal the client can act on
 * ("search again"), never a page of another search: a data layer can trust `after` came from itself.
 */
import type { PagePosition } from './types.js';

/** The format's version, sealed in every cursor: a later format refuses this one cleanly. */
const VERSION = 1;
/** HMAC-SHA256 keys shorter than this are guessable offline from one cursor. */
export const MIN_SECRET_BYTES = 32;
const MAC_BYTES = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** What a cursor is bound to: the search it continues. */
export interface CursorSearch {
  text: string;
  site: string;
  limit: number;
  user?: string;
}

export type CursorRefusal = 'malformed' | 'forged' | 'expired' | 'other-search';

export type OpenedCursor = { ok: true; after: PagePosition } | { ok: false; reason: CursorRefusal; message: string };

export interface CursorSealer {
  /** The cursor for the page after `after` of `search`. Throws when it would be longer than the handler reads. */
  seal(search: CursorSearch, after: PagePosition): Promise<string>;
  /** The position a cursor continues from, when it is one this server sealed, recently, for `search`. */
  open(cursor: string, search: CursorSearch): Promise<OpenedCursor>;
}

export interface CursorOptions {
  secret: string | Uint8Array;
  ttlSeconds: number;
  now: () => Date;
  /** The longest cursor `open` reads; `seal` refuses to make a longer one. */
  maxLength: number;
}

const REFUSALS: Record<CursorRefusal, string> = {
  malformed: 'cursor is not one this server gave: search again from the first page.',
  forged: 'cursor is not one this server gave: search again from the first page.',
  expired: 'cursor has expired: search again from the first page.',
  'other-search': 'cursor belongs to another search (a different q, site, limit or user): search again from the first page.',
};

interface Sealed {
  v: number;
  q: string;
  site: string;
  limit: number;
  user: string | null;
  after: PagePosition;
  iat: number;
}

/** The secret as bytes; refused when too short to be a key (at creation, not on the first request). */
export function secretBytes(secret: string | Uint8Array): Uint8Array<ArrayBuffer> {
  let bytes: Uint8Array<ArrayBuffer>;
  if (typeof secret === 'string') bytes = new TextEncoder().encode(secret);
  else if (secret instanceof Uint8Array) bytes = Uint8Array.from(secret);
  else throw new TypeError('cursorSecret must be a string or a Uint8Array.');
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new RangeError(
      `cursorSecret must hold at least ${MIN_SECRET_BYTES} bytes of secret (got ${bytes.length}): generate one with ` +
        '`openssl rand -base64 48` and keep it in the server\'s configuration.',
    );
  }
  return bytes;
}

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The bytes of a base64url string, or undefined when it is not one or not the one way `toBase64url`
 * writes them: `atob` ignores the unused low bits of the last character, so without the round trip
 * "…Q" and "…R" would open as one cursor.
 */
function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64URL.test(text)) return undefined;
  try {
    const bytes = Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));
    return toBase64url(bytes) === text ? bytes : undefined;
  } catch {
    return undefined;
  }
}

function isSealed(value: unknown): value is Sealed {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.v === VERSION &&
    typeof v.q === 'string' &&
    typeof v.site === 'string' &&
    typeof v.limit === 'number' &&
    (v.user === null || typeof v.user === 'string') &&
    'after' in v &&
    typeof v.iat === 'number' &&
    Number.isFinite(v.iat)
  );
}

export function createCursorSealer(options: CursorOptions): CursorSealer {
  const secret = secretBytes(options.secret);
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('link-account-picker/server needs WebCrypto (globalThis.crypto.subtle): Node ≥ 20, Deno, Bun and edge runtimes have it.');
  // Imported once, on first use: creating a handler stays synchronous.
  let key: Promise<CryptoKey> | undefined;
  const hmacKey = () => (key ??= subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']));
  const encoder = new TextEncoder();
  const refuse = (reason: CursorRefusal): OpenedCursor => ({ ok: false, reason, message: REFUSALS[reason] });

  return {
    async seal(search, after) {
      const sealed: Sealed = {
        v: VERSION,
        q: search.text,
        site: search.site,
        limit: search.limit,
        user: search.user ?? null,
        after,
        iat: Math.floor(options.now().getTime() / 1000),
      };
      const payload = toBase64url(encoder.encode(JSON.stringify(sealed)));
      const mac = new Uint8Array(await subtle.sign('HMAC', await hmacKey(), encoder.encode(payload)));
      const cursor = `${payload}.${toBase64url(mac)}`;
      if (cursor.length > options.maxLength) {
        throw new RangeError(`The data layer's next position makes a cursor of ${cursor.length} characters; the handler reads at most ${options.maxLength}. Describe the position with less (the last row's sort key and id).`);
      }
      return cursor;
    },

    async open(cursor, search) {
      if (cursor.length > options.maxLength) return refuse('malformed');
      const parts = cursor.split('.');
      if (parts.length !== 2) return refuse('malformed');
      const [payload = '', macText = ''] = parts;
      const mac = fromBase64url(macText);
      if (!payload || !BASE64URL.test(payload) || mac?.length !== MAC_BYTES) return refuse('malformed');
      if (!(await subtle.verify('HMAC', await hmacKey(), mac, encoder.encode(payload)))) return refuse('forged');

      // Signed by this server's key: what follows only fails if the format changed under it.
      let sealed: unknown;
      try {
        sealed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64url(payload)));
      } catch {
        return refuse('malformed');
      }
      if (!isSealed(sealed)) return refuse('malformed');
      const age = options.now().getTime() / 1000 - sealed.iat;
      if (age > options.ttlSeconds) return refuse('expired');
      if (sealed.q !== search.text || sealed.site !== search.site || sealed.limit !== search.limit || sealed.user !== (search.user ?? null)) {
        return refuse('other-search');
      }
      return { ok: true, after: sealed.after };
    },
  };
}
