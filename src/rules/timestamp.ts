/**
 * Strict ISO-8601 reading for the endpoint's timestamps.
 *
 * `Date.parse` is not used on its own because it is too forgiving for rules that must be the same in
 * every browser: V8 rolls `2024-02-30` over to March 1st, accepts free-form dates such as
 * "March 7, 2024", and reads a date-time without an offset in the *browser's* time zone, which would
 * make a verdict depend on where the admin sits.
 */

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

const MINUTE = 60_000;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The digits at `start` (`length` of them) as a number, or NaN when any is not a digit. */
function digits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The shape servers almost always send (`toISOString()`'s, with or without milliseconds), read
 * without a regular expression or allocation: the rules read one per relevant contract.
 */
function parseCanonical(text: string): number {
  const withMillis = text.length === 24;
  if (
    text.charCodeAt(4) !== 45 /* - */ ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 /* T */ ||
    text.charCodeAt(13) !== 58 /* : */ ||
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(text.length - 1) !== 90 /* Z */ ||
    (withMillis && text.charCodeAt(19) !== 46) /* . */
  ) {
    return NaN;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const millis = withMillis ? digits(text, 20, 3) : 0;
  // NaN fails every comparison, so a non-digit anywhere lands here too.
  if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  if (!(hour <= 23 && minute <= 59 && second <= 59 && millis >= 0)) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

/**
 * Milliseconds since the epoch, or NaN when `value` is not a valid ISO-8601 date or date-time.
 * A date-time without an offset is read as UTC: these are server timestamps, and UTC is the only
 * reading that does not depend on the client's time zone.
 */
export function parseTimestamp(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  if (value.length === 24 || value.length === 20) {
    const ms = parseCanonical(value);
    if (!Number.isNaN(ms)) return ms;
  }
  const m = ISO.exec(value.trim());
  if (m === null) return NaN;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const hour = m[4] === undefined ? 0 : +m[4];
  const minute = m[5] === undefined ? 0 : +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  const millis = m[7] === undefined ? 0 : +m[7].slice(0, 3).padEnd(3, '0');
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  let offset = 0;
  if (m[9] !== undefined) {
    const offsetHours = +m[10]!;
    const offsetMinutes = m[11] === undefined ? 0 : +m[11];
    if (offsetHours > 23 || offsetMinutes > 59) return NaN;
    offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  }
  let ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (year < 100) {
    // Date.UTC reads years 0–99 as 1900–1999; such years are garbage here, but garbage read as written.
    const date = new Date(ms);
    date.setUTCFullYear(year);
    ms = date.getTime();
  }
  return ms - offset * MINUTE;
}

/**
 * `value` when it is already in `toISOString()`'s form (which says UTC plainly), else `ms` in that form.
 * Formatting a date costs more than all the rules together, so it is skipped when it would change nothing.
 */
export function isoText(value: string, ms: number): string | undefined {
  const canonical =
    value.length === 24 && value.charCodeAt(23) === 90 && value.charCodeAt(19) === 46 && value.charCodeAt(10) === 84;
  return canonical ? value : toIso(ms);
}

/** ISO-8601 for a time in milliseconds, or undefined when it is outside what a Date can hold. */
export function toIso(ms: number): string | undefined {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : undefined;
}
