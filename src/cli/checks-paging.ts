/** Paging: the cursor ends and never repeats, ids don't repeat across pages, total and limit hold. */
import type { Observations, SearchExchange } from './probe.js';
import { check, type CheckResult } from './report.js';

export function pagingCheck(observations: Observations, limit: number, maxPages: number): CheckResult {
  const title = 'Paging (nextCursor, limit, total)';
  const readable = observations.firstPages.filter((p) => p.parsed?.ok);
  if (readable.length === 0) return check('paging', title, 'skip', 'Not observed: no readable answer.');
  const problems: { message: string; details: string[] }[] = [];

  // limit: no page may hold more accounts than asked for.
  const pages = [...readable, ...(observations.paging?.pages.slice(1) ?? [])];
  const over = pages.filter((p) => accountsOf(p).length > limit);
  if (over.length > 0) {
    problems.push({
      message: `limit is ignored: asked for ${limit} accounts per page, got up to ${Math.max(...over.map((p) => accountsOf(p).length))}. Return at most limit accounts, and a nextCursor for the rest.`,
      details: over.map((p) => `${p.label} → ${accountsOf(p).length} accounts`),
    });
  }

  // total on a single page: it can't be smaller than what came back, nor larger when nothing follows.
  for (const page of readable) {
    const body = page.parsed!.ok ? page.parsed!.response : undefined;
    if (!body || typeof body.total !== 'number' || observations.paging?.pages[0] === page) continue;
    const n = body.accounts.length;
    if (body.total < n || (body.total > n && !body.nextCursor)) {
      problems.push({
        message: `total is inconsistent: it says ${body.total} but the page holds ${n} accounts${body.nextCursor ? '' : ' and there is no next page'}. total is the number of all matches, or leave it out.`,
        details: [`${page.label} → total ${body.total}, ${n} accounts, nextCursor ${JSON.stringify(body.nextCursor ?? null)}`],
      });
    }
  }

  const paging = observations.paging;
  if (paging) problems.push(...followedPages(paging));

  if (problems.length > 0) {
    return check('paging', title, 'fail', problems.map((p) => p.message).join(' '), problems.flatMap((p) => p.details));
  }
  if (!paging) {
    return check(
      'paging',
      title,
      'skip',
      `Not observed: no query had more than ${limit} matches, so no nextCursor came back. Give a --query with many matches (or a smaller --limit) to check paging.`,
    );
  }
  const count = paging.pages.reduce((sum, p) => sum + accountsOf(p).length, 0);
  if (paging.stoppedAtMax) {
    const total = accountsTotal(paging.pages.at(-1)!);
    // A long list, not necessarily an endless one: say what was checked and how to check the end.
    return check(
      'paging',
      title,
      total === undefined ? 'warn' : 'pass',
      `"${paging.query}": followed ${maxPages} pages (${count} distinct accounts${total === undefined ? '' : ` of ${total}`}) and stopped at --max-pages${total === undefined ? ' without knowing whether the cursor ever ends (no total)' : ''}. Give a --query with fewer matches to see the last page.`,
    );
  }
  return check('paging', title, 'pass', `"${paging.query}": ${paging.pages.length} pages, ${count} distinct accounts, the cursor ended with null, total agreed.`);
}

function accountsTotal(page: SearchExchange): number | undefined {
  return page.parsed?.ok ? page.parsed.response.total : undefined;
}

function accountsOf(page: SearchExchange): { id: string }[] {
  return page.parsed?.ok ? page.parsed.response.accounts : [];
}

function followedPages(paging: NonNullable<Observations['paging']>): { message: string; details: string[] }[] {
  const problems: { message: string; details: string[] }[] = [];
  const { pages } = paging;
  const failed = pages.find((p) => !p.parsed?.ok);
  if (failed) {
    problems.push({
      message: `A next page could not be read (HTTP ${failed.status ?? 'no answer'}): a cursor the server itself returned must work.`,
      details: [`${failed.label} → HTTP ${failed.status ?? (failed.timedOut ? 'timeout' : failed.networkError)}`],
    });
    return problems;
  }
  const bodies = pages.map((p) => (p.parsed!.ok ? p.parsed!.response : undefined)!);

  const cursors = bodies.map((b) => b.nextCursor).filter((c): c is string => typeof c === 'string');
  const repeated = cursors.find((c, i) => cursors.indexOf(c) !== i);
  if (repeated !== undefined) {
    problems.push({
      message: `The cursor repeats: page ${cursors.indexOf(repeated) + 2} came back with a nextCursor already used, so the picker would load the same page forever. Each nextCursor must move forward, and be null on the last page.`,
      details: [`nextCursor ${JSON.stringify(repeated)} returned twice`],
    });
  } else {
    const empty = bodies.findIndex((b, i) => i > 0 && b.accounts.length === 0 && typeof b.nextCursor === 'string');
    const seenSoFar = bodies.reduce((sum, b) => sum + b.accounts.length, 0);
    const total = bodies.at(-1)!.total;
    if (empty >= 0) {
      problems.push({
        message: `The cursor never ends: page ${empty + 1} of "${paging.query}" is empty yet has a nextCursor, so the picker keeps offering "Load more". Return nextCursor: null (or leave it out) on the last page.`,
        details: [`page ${empty + 1}: 0 accounts, nextCursor ${JSON.stringify(bodies[empty]!.nextCursor)}`],
      });
    } else if (paging.stoppedAtMax && typeof total === 'number' && seenSoFar >= total) {
      problems.push({
        message: `The cursor never ends: all ${total} matches (total) came back in ${bodies.length} pages, yet there is still a nextCursor. Return nextCursor: null on the last page.`,
        details: [`last nextCursor ${JSON.stringify(bodies.at(-1)!.nextCursor)}`],
      });
    }
  }

  const firstSeen = new Map<string, number>();
  const duplicates: string[] = [];
  bodies.forEach((body, index) => {
    for (const account of body.accounts) {
      const earlier = firstSeen.get(account.id);
      if (earlier !== undefined) duplicates.push(`account ${account.id} on page ${earlier + 1} and page ${index + 1}`);
      else firstSeen.set(account.id, index);
    }
  });
  if (duplicates.length > 0) {
    problems.push({
      message: `${duplicates.length} accounts came back on more than one page: the cursor must continue after the last account returned, in a stable order (sort by a unique key).`,
      details: duplicates,
    });
  }

  const totals = [...new Set(bodies.map((b) => b.total).filter((t) => typeof t === 'number'))];
  const returned = bodies.reduce((sum, b) => sum + b.accounts.length, 0);
  const ended = !bodies.at(-1)!.nextCursor;
  if (totals.length > 1) {
    problems.push({ message: `total changes from page to page (${totals.join(', ')}): it is the number of all matches of the search.`, details: [] });
  } else if (totals.length === 1) {
    const total = totals[0]!;
    if ((ended && total !== returned) || (!ended && total < returned)) {
      problems.push({
        message: `total is inconsistent: it says ${total}, but the pages ${ended ? 'ended after' : 'already hold'} ${returned} accounts. total is the number of all matches, or leave it out.`,
        details: [`"${paging.query}": ${pages.length} pages, ${returned} accounts, total ${total}`],
      });
    }
  }
  return problems;
}
