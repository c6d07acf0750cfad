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
  outcome: SearchOutcome;
  locale: string;
  groups: GroupView[];
  options: OptionView[];
  items: ListItem[];
  /** Each account of the results by id: the chips and `selectedAccounts` look them up here. */
  byId: Map<string, AccountResult>;
  /** Each option's index by account id. */
  indexById: Map<string, number>;
}

/** An OptionView whose words are worked out on first render: a long list only pays for rows it shows. */
class LazyOption implements OptionView {
  readonly group: ResultGroup;
  #explanation?: Explanation;
  #nameParts?: TextPart[];
  #numberParts?: TextPart[];

  constructor(
    readonly index: number,
    readonly item: number,
    readonly result: AccountResult,
    private readonly context: ExplainOptions,
    private readonly query: string,
  ) {
    this.group = groupOf(result.eligibility.code);
  }

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

/** Groups the results. Explanations are made when a row first renders, so a long list costs only its visible rows. */
export function buildListView(outcome: SearchOutcome, locale: string): ListView {
  const byGroup = new Map<ResultGroup, AccountResult[]>(GROUP_ORDER.map((group) => [group, []]));
  for (const result of outcome.results) byGroup.get(groupOf(result.eligibility.code))!.push(result);
  const context: ExplainOptions = { locale, syncWindowMinutes: outcome.syncWindowMinutes };
  const options: OptionView[] = [];
  const groups: GroupView[] = [];
  const items: ListItem[] = [];
  const byId = new Map<string, AccountResult>();
  const indexById = new Map<string, number>();
  for (const group of GROUP_ORDER) {
    const results = byGroup.get(group)!;
    if (results.length === 0) continue;
    const view: GroupView = { group, options: [] };
    items.push({ kind: 'group', group, count: results.length });
    for (const result of results) {
      const option = new LazyOption(options.length, items.length, result, context, outcome.query);
      byId.set(result.account.id, result);
      indexById.set(result.account.id, option.index);
      options.push(option);
      view.options.push(option);
      items.push({ kind: 'option', option });
    }
    groups.push(view);
  }
  return { outcome, locale, groups, options, items, byId, indexById };
}

/** The number of options the list will have: the server's total while more can be loaded, -1 when unknown. */
export function setSize(view: ListView): number {
  const { outcome, options } = view;
  if (!outcome.nextCursor) return options.length;
  return outcome.total !== undefined && outcome.total >= options.length ? outcome.total : -1;
}
