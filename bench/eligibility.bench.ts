/**
 * How fast evaluateAccount is, next to the floor: a bare loop over the same fields doing the same
 * essential work (trim and lower-case role and status, look the label up among the site's, read the
 * booking date of relevant contracts) with no defensive checks, no facts and no result object.
 * Goal: ≥ 2 million contracts/s and within 2× of the floor. Run with `npm run bench`.
 */
import { evaluateAccount } from '../src/rules/evaluate-account.js';
import type { Account, Contract, Site } from '../src/rules/types.js';

const ACCOUNTS = 100_000;
const CONTRACTS_PER_ACCOUNT = 5;
const WARMUP_ROUNDS = 3;
const ROUNDS = 9;

const now = new Date('2026-11-25T12:00:00Z');
const site: Site = { id: 'nwf', privateLabels: ['NWF', 'NWF-EQ'], includeUnlabeled: false };

/** A fixed-seed generator, so every run measures the same data. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

/** Realistic mix: mostly clean values, some that need trimming or case folding, some odd ones. */
function makeAccounts(): Account[] {
  const next = random(42);
  const roles = ['customer', 'guarantor', 'Customer', ' guarantor ', 'vendor', 'broker'];
  const statuses = ['booked', 'booked', 'terminated', 'pending', 'Booked', 'BOOKED '];
  const labels = ['NWF', 'nwf-eq', 'SUMMIT', null, '', undefined];
  const accounts: Account[] = [];
  for (let a = 0; a < ACCOUNTS; a++) {
    const contracts: Contract[] = [];
    for (let c = 0; c < CONTRACTS_PER_ACCOUNT; c++) {
      const minutesAgo = Math.floor(next() * 60 * 24 * 30);
      contracts.push({
        id: `c-${a}-${c}`,
        number: `001-${String(a).padStart(7, '0')}-00${c}`,
        role: pick(next, roles),
        status: pick(next, statuses),
        privateLabel: pick(next, labels),
        bookedAt: next() < 0.05 ? null : new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
      });
    }
    const sync = next();
    const account: Account = { id: `a-${a}`, name: `Account ${a}`, contracts };
    if (sync < 0.4) account.portalSyncedAt = new Date(now.getTime() - Math.floor(next() * 3e9)).toISOString();
    else if (sync < 0.5) account.portalSyncedAt = null;
    if (next() < 0.02) account.linkedToUser = true;
    accounts.push(account);
  }
  return accounts;
}

/** The floor: the rules' essential work with nothing else. Returns a checksum so nothing is skipped. */
function bareLoop(accounts: Account[]): number {
  const keys = site.privateLabels.map((label) => label.trim().toLowerCase());
  let sum = 0;
  for (const account of accounts) {
    let earliest = Infinity;
    let relevant = 0;
    for (const contract of account.contracts) {
      const role = contract.role.trim().toLowerCase();
      if (role !== 'customer' && role !== 'guarantor') continue;
      if (contract.status.trim().toLowerCase() !== 'booked') continue;
      const label = contract.privateLabel?.trim().toLowerCase();
      if (!(label ? keys.includes(label) : site.includeUnlabeled)) continue;
      relevant++;
      const bookedAt = contract.bookedAt ? Date.parse(contract.bookedAt) : NaN;
      if (bookedAt < earliest) earliest = bookedAt;
    }
    sum += relevant + (earliest === Infinity ? 0 : 1);
  }
  return sum;
}

function evaluated(accounts: Account[]): number {
  let sum = 0;
  for (const account of accounts) sum += evaluateAccount(account, { site, now }).code.length;
  return sum;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median milliseconds per round of each runner, rounds interleaved so both see the same machine state. */
function measure(runners: ((accounts: Account[]) => number)[], accounts: Account[]): number[] {
  let sink = 0;
  for (let i = 0; i < WARMUP_ROUNDS; i++) for (const run of runners) sink += run(accounts);
  const times = runners.map((): number[] => []);
  for (let i = 0; i < ROUNDS; i++) {
    runners.forEach((run, r) => {
      const start = performance.now();
      sink += run(accounts);
      times[r]!.push(performance.now() - start);
    });
  }
  if (sink === -1) console.log('unreachable');
  return times.map(median);
}

const accounts = makeAccounts();
const contracts = ACCOUNTS * CONTRACTS_PER_ACCOUNT;
const [bareMs, rulesMs] = measure([bareLoop, evaluated], accounts) as [number, number];
const perSecond = (ms: number) => Math.round(contracts / (ms / 1000));
const format = (n: number) => n.toLocaleString('en-US');

console.log(`${format(ACCOUNTS)} accounts × ${CONTRACTS_PER_ACCOUNT} contracts, median of ${ROUNDS} rounds after ${WARMUP_ROUNDS} warm-up`);
console.log(`bare loop (floor)  ${bareMs.toFixed(1).padStart(7)} ms  ${format(perSecond(bareMs)).padStart(12)} contracts/s`);
console.log(`evaluateAccount    ${rulesMs.toFixed(1).padStart(7)} ms  ${format(perSecond(rulesMs)).padStart(12)} contracts/s`);
const ratio = rulesMs / bareMs;
console.log(`ratio ${ratio.toFixed(2)}× the floor`);
const meetsRate = perSecond(rulesMs) >= 2_000_000;
const meetsRatio = ratio <= 2;
console.log(`goal ≥ 2,000,000 contracts/s: ${meetsRate ? 'met' : 'NOT met'}; within 2× of the floor: ${meetsRatio ? 'met' : 'NOT met'}`);
