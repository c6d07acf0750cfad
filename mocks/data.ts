/**
 * The mock world: branded sites, demo portal users and a few thousand accounts, generated
 * deterministically from a seed so the demo, Storybook and every test see the same data.
 *
 * Timestamps are relative to an `anchor` (the moment the mock world starts), so "booked four minutes
 * ago" stays true whenever the demo is opened; everything else depends on the seed alone.
 */
import { faker } from '@faker-js/faker/locale/en';
import type { Account, Contract, EligibilityCode, Site } from '../src/rules/types.js';

export const DEFAULT_SEED = 20260125;
export const DEFAULT_ACCOUNT_COUNT = 2500;
export const SYNC_WINDOW_MINUTES = 15;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Three branded sites; only the default one shows contracts with no private label. */
export const MOCK_SITES = [
  {
    id: 'northwind',
    name: 'Northwind Equipment Finance',
    privateLabels: ['NWF', 'NWF-AG'],
    includeUnlabeled: true,
  },
  { id: 'summit', name: 'Summit Capital Leasing', privateLabels: ['SUMMIT', 'SCL-TECH'] },
  { id: 'bluewater', name: 'Bluewater Medical Finance', privateLabels: ['BWMF'] },
] as const satisfies readonly Site[];

export type MockSiteId = (typeof MOCK_SITES)[number]['id'];

/** A label that exists in the servicing system but is mapped to no portal site. */
export const UNMAPPED_LABEL = 'CASCADE';

export interface DemoUser {
  /** What the host passes as the `user` attribute. */
  id: string;
  email: string;
  displayName: string;
  /** A user's site is fixed when the user is created, so the picker's site comes from the user. */
  siteId: MockSiteId;
}

export const DEMO_USERS = [
  {
    id: 'usr-1001',
    email: 'dana.whitfield@cedarridgedental.example',
    displayName: 'Dana Whitfield',
    siteId: 'northwind',
  },
  {
    id: 'usr-1002',
    email: 'marcus.oyelaran@summitpeakaviation.example',
    displayName: 'Marcus Oyelaran',
    siteId: 'summit',
  },
  {
    id: 'usr-1003',
    email: 'priya.raman@lakeviewimaging.example',
    displayName: 'Priya Raman',
    siteId: 'bluewater',
  },
  {
    id: 'usr-1004',
    email: 'sam.delgado@harborpointlogistics.example',
    displayName: 'Sam Delgado (new user, nothing linked)',
    siteId: 'northwind',
  },
] as const satisfies readonly DemoUser[];

/** The situations trainers walk through, one named account each. */
export type StoryKey =
  | 'linkable'
  | 'guarantorOnly'
  | 'unlabeled'
  | 'alreadyLinked'
  | 'terminatedOnly'
  | 'pendingContractOnly'
  | 'otherRolesOnly'
  | 'labelMismatch'
  | 'pendingSync'
  | 'newContractPendingSync'
  | 'syncOverdue'
  | 'manyContracts'
  | 'accentedName'
  | 'rtlName'
  | 'longName';

export interface StoryAccount {
  key: StoryKey;
  id: string;
  number: string;
  name: string;
  /** What a trainer types to find it. */
  searchFor: string;
  /** The verdict on the Northwind site for Dana Whitfield (usr-1001), before the clock moves. */
  expected: EligibilityCode;
  /** One line for the training guide and the demo's cheat sheet. */
  situation: string;
}

function story(key: StoryKey, number: string, name: string, expected: EligibilityCode, situation: string, searchFor = name): StoryAccount {
  return { key, id: `acct-${number.toLowerCase()}`, number, name, searchFor, expected, situation };
}

export const STORY_ACCOUNTS: Readonly<Record<StoryKey, StoryAccount>> = {
  linkable: story('linkable', 'HPL100245', 'Harbor Point Logistics', 'linkable', 'Customer on two booked Northwind contracts, synced long ago.'),
  guarantorOnly: story('guarantorOnly', 'WFT220871', 'Whitfield Family Trust', 'linkable', 'Guarantor (not customer) on one booked NWF-AG contract: guarantors can be linked too.'),
  unlabeled: story('unlabeled', 'PWG310554', 'Prairie Wind Grain Co.', 'linkable', 'Booked contract with no private label: linkable on Northwind (includes unlabeled), not on Summit.'),
  alreadyLinked: story('alreadyLinked', 'CRD400117', 'Cedar Ridge Dental Group', 'already-linked', 'Already linked to Dana Whitfield (usr-1001).'),
  terminatedOnly: story('terminatedOnly', 'GFE512390', 'Granite Falls Excavating', 'no-active-contract', 'Customer on three contracts, all terminated.'),
  pendingContractOnly: story('pendingContractOnly', 'BHF603318', 'Bright Harvest Farms', 'no-active-contract', 'Customer on a contract that is still pending (not booked yet).'),
  otherRolesOnly: story('otherRolesOnly', 'ICB704452', 'Ironclad Equipment Brokers', 'no-active-contract', 'Broker and vendor on booked contracts, never customer or guarantor.'),
  labelMismatch: story('labelMismatch', 'SPA815066', 'Summit Peak Aviation', 'label-mismatch', 'Customer on booked SUMMIT contracts: linkable on Summit, not on Northwind.'),
  pendingSync: story('pendingSync', 'MVC906731', 'Meadowlark Veterinary Clinic', 'pending-sync', 'First contract booked 4 minutes ago; reaches the portal 11 minutes after booking.'),
  newContractPendingSync: story('newContractPendingSync', 'CLE907244', 'Copperline Electric', 'pending-sync', 'Old terminated contract synced years ago; a new contract booked 2 minutes ago is not synced yet.'),
  syncOverdue: story('syncOverdue', 'LSP918802', 'Lakeshore Paving Co.', 'sync-overdue', 'Booked 3 hours ago and never reached the portal: contact support.'),
  manyContracts: story('manyContracts', 'AIH120034', 'Atlas Industrial Holdings', 'linkable', 'Holds 48 contracts in every role, status and label.'),
  accentedName: story('accentedName', 'SLF130876', 'Société Lumière & Fils Équipement', 'linkable', 'Accented name; matches "societe lumiere" too.', 'Societe Lumiere'),
  rtlName: story('rtlName', 'AWH118820', 'مؤسسة الواحة للمعدات الثقيلة', 'linkable', 'Arabic (right-to-left) name, Al Waha Heavy Equipment Est.', 'AWH118820'),
  longName: story(
    'longName',
    'TCA140519',
    'The Greater Tri-County Agricultural Equipment Cooperative and Rural Development Association of the Upper Valley',
    'linkable',
    'A very long name, to see how it wraps.',
    'Tri-County Agricultural',
  ),
};

/** One account as the mock server holds it: the wire account plus what the server knows privately. */
export interface MockAccountRecord {
  account: Account;
  /**
   * When the servicing system's sync delivers this account to the portal (epoch ms), for accounts
   * whose `portalSyncedAt` is behind their newest contract; null = the sync is broken and never comes.
   */
  syncsAt?: number | null;
  /** Precomputed search keys (see search.ts): the normalized name, and numbers with the account's first. */
  searchName: string;
  searchNumbers: string[];
}

export interface MockDataset {
  seed: number;
  anchor: number;
  sites: readonly Site[];
  users: readonly DemoUser[];
  records: MockAccountRecord[];
  byId: Map<string, MockAccountRecord>;
  /** user id → ids of the accounts already linked to that user. */
  links: Map<string, Set<string>>;
}

export interface DatasetOptions {
  seed?: number;
  /** The moment the mock world starts (epoch ms); "booked minutes ago" is relative to it. */
  anchor?: number;
  /** Generated accounts besides the story ones. */
  count?: number;
}

/** Lower-case, accents stripped, any punctuation a single space: "Société Lumière & Fils" → "societe lumiere fils". */
export function normalizeText(value: string): string {
  // Plain ASCII (most names) skips Unicode normalization, which is the slow part of building the index.
  if (/^[\x20-\x7e]*$/.test(value)) return value.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Letters and digits only, lower-case: "001-0123456-000" → "0010123456000". */
export function normalizeNumber(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

// Realistic equipment-finance borrowers: "<surname or place> <trade> <legal suffix>" (bench/endpoint/
// generates a million of them from the same words).
export const TRADES = [
  'Excavating', 'Construction', 'Logistics', 'Trucking', 'Farms', 'Dairy', 'Medical Imaging', 'Dental Group',
  'Veterinary Clinic', 'Machine Works', 'Paving', 'Landscaping', 'Hauling', 'Printing', 'Fabrication',
  'Aviation', 'Marine Services', 'Forestry', 'Grain', 'Equipment Rental', 'Orthopedics', 'Laboratories',
  'Electric', 'Plumbing & Heating', 'Waste Services', 'Crane Service', 'Packaging', 'Bakery', 'Brewing',
  'Tool & Die', 'Ag Services', 'Demolition', 'Surgical Associates', 'Physical Therapy', 'Concrete',
];
export const PLACES = [
  'Riverbend', 'Oak Hollow', 'Blue Ridge', 'Pine Valley', 'Red Rock', 'Silver Lake', 'Stonebridge', 'Westfield',
  'North Star', 'Clearwater', 'Eagle Crest', 'Maple Grove', 'Sandhill', 'Ironwood', 'Fox Run', 'Twin Rivers',
  'High Plains', 'Bayview', 'Sunrise', 'Cobalt', 'Keystone', 'Frontier', 'Summerset', 'Willow Creek',
];
export const SUFFIXES = ['LLC', 'Inc.', 'Co.', 'Corp.', 'Ltd.', 'LLP', 'PLLC', 'Partners', 'Holdings', ''];
const OTHER_ROLES = ['vendor', 'broker', 'co-lessee', 'dealer', 'lessor'];

/** Which label an account's contracts mostly carry; `null` = unlabeled (default site only). */
const HOME_LABELS: [label: string | null, weight: number][] = [
  ['NWF', 35], [null, 15], ['NWF-AG', 8], ['SUMMIT', 20], ['SCL-TECH', 7], ['BWMF', 10], [UNMAPPED_LABEL, 5],
];

/** What sort of account this is, in realistic proportions (weights per thousand). */
type Kind = 'customer' | 'guarantor' | 'other-roles' | 'pending-sync' | 'sync-overdue';
const KINDS: [Kind, number][] = [
  ['customer', 820], ['guarantor', 90], ['other-roles', 65], ['pending-sync', 17], ['sync-overdue', 8],
];

/**
 * Draws from faker's seeded generator through one cheap call: faker's richer helpers cost a few
 * microseconds each, and generation has to stay well under 100 ms in the browser.
 */
function random(): number {
  return faker.number.float({ min: 0, max: 1 }) % 1;
}
function chance(probability: number): boolean {
  return random() < probability;
}
function pick<T>(values: ArrayLike<T>): T {
  return values[Math.floor(random() * values.length)]!;
}
function between(min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
function weighted<T>(choices: readonly (readonly [T, number])[]): T {
  const totalWeight = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * totalWeight;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[choices.length - 1]![0];
}
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Builds the whole mock world. Synchronous and fast (~tens of ms for 2500 accounts), so every test
 * page and story can afford it; seeding the shared faker right before means other users of faker
 * can't change our data.
 */
export function createDataset(options: DatasetOptions = {}): MockDataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const anchor = options.anchor ?? Date.now();
  const count = options.count ?? DEFAULT_ACCOUNT_COUNT;
  faker.seed(seed);

  const usedNumbers = new Set(Object.values(STORY_ACCOUNTS).map((s) => s.number));
  let contractSerial = 0;
  const contractNumber = (): string => {
    contractSerial += 1;
    const branch = pick(['001', '001', '001', '002', '003']);
    // Stepping a prime through the range looks random but never repeats a number.
    const serial = (contractSerial * 7_919_317) % 10_000_000;
    return `${branch}-${String(serial).padStart(7, '0')}-000`;
  };
  const contract: ContractFactory = (part) => {
    const number = contractNumber();
    return { id: `ctr-${contractSerial}`, number, role: part.role, status: part.status, privateLabel: part.privateLabel, bookedAt: part.bookedAt };
  };

  const records: MockAccountRecord[] = [];
  const add = (account: Account, syncsAt?: number | null): void => {
    records.push({
      account,
      syncsAt,
      searchName: normalizeText(account.name),
      // The account's own number first (possibly ''), then its contracts' numbers.
      searchNumbers: [account.number ?? '', ...account.contracts.map((c) => c.number ?? '')].map(normalizeNumber),
    });
  };

  for (const entry of storyAccountData(anchor, contract)) add(entry.account, entry.syncsAt);

  for (let i = 0; i < count; i += 1) {
    const name = chance(0.6)
      ? `${faker.person.lastName()} ${pick(TRADES)} ${pick(SUFFIXES)}`
      : `${pick(PLACES)} ${pick(TRADES)} ${pick(SUFFIXES)}`;
    let number: string;
    do {
      number = `${pick(LETTERS)}${pick(LETTERS)}${pick(LETTERS)}${String(between(0, 999_999)).padStart(6, '0')}`;
    } while (usedNumbers.has(number));
    usedNumbers.add(number);
    const id = `acct-${String(i + 1).padStart(6, '0')}`;
    const kind = weighted(KINDS);
    const homeLabel = weighted(HOME_LABELS);
    const labelFor = (): string | null => (chance(0.85) ? homeLabel : weighted(HOME_LABELS));
    const size = weighted([[1, 50], [2, 25], [3, 15], [4, 5], [6, 3], [9, 2]]);
    const contracts: Contract[] = [];
    let portalSyncedAt: string | null = null;
    let syncsAt: number | null | undefined;

    if (kind === 'pending-sync' || kind === 'sync-overdue') {
      // Only brand-new relevant contracts: an older synced one would make the account linkable.
      const ago = kind === 'pending-sync'
        ? between(1, 12) * MINUTE
        : between(2 * HOUR, 20 * DAY);
      const bookedAt = anchor - ago;
      contracts.push(contract({ role: 'customer', status: 'booked', privateLabel: homeLabel, bookedAt: iso(bookedAt) }));
      syncsAt = kind === 'pending-sync' ? bookedAt + between(3, 13) * MINUTE : null;
    } else {
      let newest = 0;
      for (let c = 0; c < size; c += 1) {
        const role = kind === 'other-roles'
          ? pick(OTHER_ROLES)
          : kind === 'guarantor' ? 'guarantor' : chance(0.92) ? 'customer' : 'guarantor';
        const status = weighted([['booked', 64], ['terminated', 30], ['pending', 6]]);
        const bookedAt = status === 'pending'
          ? null
          : anchor - between(20 * DAY, 8 * 365 * DAY);
        if (bookedAt !== null) newest = Math.max(newest, bookedAt);
        contracts.push(contract({ role, status, privateLabel: labelFor(), bookedAt: bookedAt === null ? null : iso(bookedAt) }));
      }
      // The nightly/continuous sync has long caught up with every contract booked weeks ago.
      portalSyncedAt = newest > 0 ? iso(newest + between(1, 14) * MINUTE) : null;
    }
    add({ id, number, name: name.trim(), portalSyncedAt, contracts }, syncsAt);
  }

  const links = new Map<string, Set<string>>(DEMO_USERS.map((u) => [u.id, new Set<string>()]));
  links.get('usr-1001')!.add(STORY_ACCOUNTS.alreadyLinked.id);
  links.get('usr-1002')!.add(STORY_ACCOUNTS.labelMismatch.id);
  // A few generated links per user, so "already linked" shows up in ordinary searches too; never a
  // story account, whose situation the training guide promises for every user but its own.
  const generated = records.slice(Object.keys(STORY_ACCOUNTS).length);
  for (const user of DEMO_USERS.slice(0, 3)) {
    for (let k = 0; k < 6; k += 1) {
      links.get(user.id)!.add(pick(generated).account.id);
    }
  }

  return {
    seed,
    anchor,
    sites: MOCK_SITES,
    users: DEMO_USERS,
    records,
    byId: new Map(records.map((r) => [r.account.id, r])),
    links,
  };
}

type ContractFactory = (part: Omit<Contract, 'id' | 'number'>) => Contract;

/** The story accounts with their contracts, hand-written so each shows exactly one situation. */
function storyAccountData(anchor: number, contract: ContractFactory): { account: Account; syncsAt?: number | null }[] {
  const ago = (ms: number): string => iso(anchor - ms);
  const s = STORY_ACCOUNTS;
  const base = (key: StoryKey, portalSyncedAt: string | null | undefined, contracts: Contract[]): Account => ({
    id: s[key].id,
    number: s[key].number,
    name: s[key].name,
    ...(portalSyncedAt === undefined ? {} : { portalSyncedAt }),
    contracts,
  });
  const booked = (label: string | null, bookedAgo: number, role = 'customer'): Contract =>
    contract({ role, status: 'booked', privateLabel: label, bookedAt: ago(bookedAgo) });
  const terminated = (label: string | null, bookedAgo: number, role = 'customer'): Contract =>
    contract({ role, status: 'terminated', privateLabel: label, bookedAt: ago(bookedAgo) });

  const manyContracts: Contract[] = [];
  const labels = ['NWF', 'NWF-AG', 'SUMMIT', 'BWMF', null, UNMAPPED_LABEL];
  const roles = ['customer', 'customer', 'guarantor', 'co-lessee', 'vendor', 'broker'];
  const statuses = ['booked', 'booked', 'terminated', 'pending'];
  for (let n = 0; n < 48; n += 1) {
    const status = statuses[n % statuses.length]!;
    manyContracts.push(contract({
      role: roles[n % roles.length]!,
      status,
      privateLabel: labels[n % labels.length] ?? null,
      bookedAt: status === 'pending' ? null : ago((90 + n * 37) * DAY),
    }));
  }

  const pendingBookedAt = anchor - 4 * MINUTE;
  const copperBookedAt = anchor - 2 * MINUTE;
  return [
    { account: base('linkable', ago(2 * HOUR), [booked('NWF', 400 * DAY), booked('NWF', 35 * DAY), terminated('NWF', 5 * 365 * DAY)]) },
    { account: base('guarantorOnly', ago(300 * DAY), [booked('NWF-AG', 301 * DAY, 'guarantor')]) },
    { account: base('unlabeled', ago(60 * DAY), [booked(null, 61 * DAY)]) },
    { account: base('alreadyLinked', ago(3 * DAY), [booked('NWF', 700 * DAY), booked('NWF', 3 * DAY + HOUR)]) },
    { account: base('terminatedOnly', ago(500 * DAY), [terminated('NWF', 6 * 365 * DAY), terminated('NWF', 4 * 365 * DAY), terminated('NWF-AG', 3 * 365 * DAY)]) },
    { account: base('pendingContractOnly', null, [contract({ role: 'customer', status: 'pending', privateLabel: 'NWF-AG', bookedAt: null })]) },
    { account: base('otherRolesOnly', ago(10 * DAY), [
      booked('NWF', 200 * DAY, 'broker'), booked('NWF', 150 * DAY, 'broker'),
      booked('NWF-AG', 90 * DAY, 'vendor'), booked(null, 12 * DAY, 'vendor'),
    ]) },
    { account: base('labelMismatch', ago(40 * DAY), [booked('SUMMIT', 400 * DAY), booked('SCL-TECH', 41 * DAY)]) },
    {
      account: base('pendingSync', null, [contract({ role: 'customer', status: 'booked', privateLabel: 'NWF', bookedAt: iso(pendingBookedAt) })]),
      syncsAt: pendingBookedAt + 11 * MINUTE,
    },
    {
      account: base('newContractPendingSync', ago(2 * 365 * DAY), [
        terminated('NWF', 6 * 365 * DAY),
        contract({ role: 'customer', status: 'booked', privateLabel: 'NWF', bookedAt: iso(copperBookedAt) }),
      ]),
      syncsAt: copperBookedAt + 9 * MINUTE,
    },
    { account: base('syncOverdue', null, [booked('NWF', 3 * HOUR)]), syncsAt: null },
    { account: base('manyContracts', ago(5 * DAY), manyContracts) },
    { account: base('accentedName', ago(20 * DAY), [booked('NWF', 21 * DAY), booked(null, 800 * DAY, 'guarantor')]) },
    { account: base('rtlName', ago(9 * DAY), [booked('NWF', 10 * DAY)]) },
    { account: base('longName', ago(100 * DAY), [booked('NWF-AG', 101 * DAY)]) },
  ];
}
