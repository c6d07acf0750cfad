/**
 * The listbox's content for one set of results, worked out once per results and locale (a countdown
 * re-renders every second): the results grouped in display order, each option's position, and the
 * flattened rows a virtualized list renders. Pure: results and a locale in, a view out.
 */
import type { AccountResult } from '../events.js';
import { explain, GROUP_ORDER, groupOf, type Explanation, type ExplainOptions, type ResultGroup } from '../explain.js';
import { highlight, type TextPart } from '../highlight.js';
import type { SearchOutcome } from '../search/outcome.js';

/** One row of the listbox, in display order. */
export interface OptionView {
  /** Position in the flattened list: the keyboard's index and the element id's suffix. */
  readonly index: number;
  /** Position among the virtualized list's items (group headers included). */
  readonly item: number;
  readonly group: ResultGroup;
  readonly result: AccountResult;
  /** Worked out on first use: a long list only ever explains the rows that are rendered. */
  readonly explanation: Explanation;
  /** The name and number split at the query's matches, on first use, then kept for the results. */
  readonly nameParts: TextPart[];
  readonly numberParts: TextPart[];
}

/** What a virtualized list renders, one entry per row: group headers and options, flattened. */
export type ListItem = { kind: 'group'; group: ResultGroup; count: number } | { kind: 'option'; option: OptionView };

export interface GroupView {
  group: ResultGroup;
  options: OptionView[];
}

export interface ListView {
  readonly outcome: SearchOutcome;
  readonly locale: string;
  readonly groups: GroupView[];
  readonly options: OptionView[];
  /** Group headers and options flattened, as a virtualized list renders them. */
  readonly items: ListItem[];
  /** Each account of the results by id: the chips and `selectedAccounts` look them up here. */
  readonly byId: Map<string, AccountResult>;
  /** Each option's index by account id. */
  readonly indexById: Map<string, number>;
}

/** An OptionView whose words are worked out on first render: a long list only pays for rows it shows. */
class LazyOption implements OptionView {
  #explanation?: Explanation;
  #nameParts?: TextPart[];
  #numberParts?: TextPart[];

  constructor(
    readonly index: number,
    readonly item: number,
    readonly group: ResultGroup,
    readonly result: AccountResult,
    private readonly context: ExplainOptions,
    private readonly query: string,
  ) {}

  get explanation(): Explanation {
    return (this.#explanation ??= explain(this.result.account, this.result.eligibility, this.context));
  }

  get nameParts(): TextPart[] {
    return (this.#nameParts ??= highlight(this.result.account.name, this.query));
  }

  get numberParts(): TextPart[] {
    const { number } = this.result.account;
    return (this.#numberParts ??= number ? highlight(number, this.query, { ignorePunctuation: true }) : []);
  }
}

/**
 * A ListView whose flattened rows and lookups by id are made on first use: the first frame of new
 * results needs neither (a short list has no flattened rows; nothing is looked up by id until the
 * keyboard or a selection asks), and at 10,000 results they cost that frame more than its rows.
 */
class LazyListView implements ListView {
  #items?: ListItem[];
  #byId?: Map<string, AccountResult>;
  #indexById?: Map<string, number>;

  constructor(
    readonly outcome: SearchOutcome,
    readonly locale: string,
    readonly groups: GroupView[],
    readonly options: OptionView[],
  ) {}

  get items(): ListItem[] {
    if (!this.#items) {
      this.#items = [];
      for (const { group, options } of this.groups) {
        this.#items.push({ kind: 'group', group, count: options.length });
        for (const option of options) this.#items.push({ kind: 'option', option });
      }
    }
    return this.#items;
  }

  get byId(): Map<string, AccountResult> {
    return (this.#byId ??= new Map(this.options.map((option) => [option.result.account.id, option.result])));
  }

  get indexById(): Map<string, number> {
    return (this.#indexById ??= new Map(this.options.map((option) => [option.result.account.id, option.index])));
  }
}

/** Groups the results. Explanations are made when a row first renders, so a long list costs only its visible rows. */
export function buildListView(outcome: SearchOutcome, locale: string): ListView {
  const byGroup: AccountResult[][] = GROUP_ORDER.map(() => []);
  for (const result of outcome.results) byGroup[GROUP_ORDER.indexOf(groupOf(result.eligibility.code))]!.push(result);
  const context: ExplainOptions = { locale, syncWindowMinutes: outcome.syncWindowMinutes };
  const options: OptionView[] = [];
  const groups: GroupView[] = [];
  let item = 0;
  GROUP_ORDER.forEach((group, g) => {
    const results = byGroup[g]!;
    if (results.length === 0) return;
    const view: GroupView = { group, options: [] };
    item += 1; // the group's header in the flattened rows
    for (const result of results) {
      const option = new LazyOption(options.length, item++, group, result, context, outcome.query);
      options.push(option);
      view.options.push(option);
    }
    groups.push(view);
  });
  return new LazyListView(outcome, locale, groups, options);
}

/** The number of options the list will have: the server's total while more can be loaded, -1 when unknown. */
export function setSize(view: ListView): number {
  const { outcome, options } = view;
  if (!outcome.nextCursor) return options.length;
  return outcome.total !== undefined && outcome.total >= options.length ? outcome.total : -1;
}
