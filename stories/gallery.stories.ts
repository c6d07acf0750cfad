import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { SetupWorker } from 'msw/browser';
import { expect, waitFor } from 'storybook/test';
import '../src/link-account-picker.js';
import type { StoryKey } from '../mocks/data.js';
import { createHandlers } from '../mocks/handlers.js';
import type { Failure } from '../mocks/scenario.js';
import type { EligibilityCode } from '../src/rules/types.js';
import { pickerMeta, renderPicker, type PickerArgs } from './meta.js';
import { reservePopupRoom } from './popup-room.js';
import { reachState } from './state.js';
import { mockBackend, pickerIn, STORY_ACCOUNTS, storyEndpoint, type Picker, type StoryPlace } from './support.js';

const meta = {
  title: 'Picker/Gallery',
  tags: ['autodocs'],
  ...pickerMeta({
    description:
      'Every state side by side, for comparison: one picker per verdict, one per kind of error, each open on its own answer from the mocked backend. Nothing is typed: each picker searches through its preview API. The controls (label, colour scheme, the theme\'s tokens) apply to every picker at once.',
    args: { '--link-account-picker-popup-max-height': 'none' },
    parameters: { pickerState: 'static', layout: 'fullscreen' },
  }),
} satisfies Meta<PickerArgs>;
export default meta;
type Story = StoryObj<PickerArgs>;

/** One cell: a caption, the args its picker adds, and what its play function waits to see. */
interface Cell {
  caption: string;
  args: Partial<PickerArgs>;
  expect: { code: EligibilityCode; accountId: string } | { error: RegExp };
}

function renderGallery(args: PickerArgs, cells: Cell[]): TemplateResult {
  return html`<style>
      .gallery {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr));
        gap: 1.5rem 1rem;
        padding: 1rem;
        align-items: start;
      }
      .gallery figure {
        margin: 0;
      }
      .gallery figcaption {
        font: 600 0.75rem/1.3 system-ui, sans-serif;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        margin-block-end: 0.5rem;
        padding-block-end: 0.25rem;
        border-block-end: 1px solid #8888;
      }
    </style>
    <!-- Each cell keeps the room for its picker's results, so no list covers its neighbours. -->
    <div class="gallery" ${ref(reservePopupRoom)}>
      ${cells.map(
        (cell) => html`<figure data-caption=${cell.caption}>
          <figcaption>${cell.caption}</figcaption>
          ${renderPicker({ ...args, ...cell.args })}
        </figure>`,
      )}
    </div>`;
}

/** Checks every cell's state: its verdict's option, or its error's message. */
async function expectCells(canvasElement: HTMLElement, cells: Cell[]): Promise<void> {
  const figures = [...canvasElement.querySelectorAll<HTMLElement>('figure')];
  await expect(figures).toHaveLength(cells.length);
  for (const [i, cell] of cells.entries()) {
    const el = pickerIn(figures[i]!);
    await reachState(el, { query: cell.args.query, open: true });
    const expected = cell.expect;
    if ('code' in expected) {
      await waitFor(
        () => {
          const opt = el.shadowRoot!.querySelector<HTMLElement>(`[role="option"][data-account-id="${expected.accountId}"]`);
          expect(opt?.dataset.eligibility, cell.caption).toBe(expected.code);
        },
        { timeout: 8000 },
      );
    } else {
      await waitFor(() => expect(errorText(el), cell.caption).toMatch(expected.error), { timeout: 8000 });
    }
  }
}

function errorText(el: Picker): string {
  return el.shadowRoot!.querySelector('[part~="error"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
}

const VERDICTS: [StoryKey, string, EligibilityCode][] = [
  ['linkable', 'Can be linked: customer on an active contract', 'linkable'],
  ['guarantorOnly', 'Can be linked: guarantor on an active contract', 'linkable'],
  ['pendingSync', "Can't be linked yet: syncing to the portal (up to 15 minutes)", 'pending-sync'],
  ['syncOverdue', "Can't be linked: sync overdue, contact support", 'sync-overdue'],
  ['terminatedOnly', 'No active contract: every contract terminated', 'no-active-contract'],
  ['pendingContractOnly', 'No active contract: not booked yet', 'no-active-contract'],
  ['otherRolesOnly', 'No active contract as customer or guarantor (broker, vendor)', 'no-active-contract'],
  ['labelMismatch', 'Private label not mapped to this branded site', 'label-mismatch'],
  ['alreadyLinked', 'Already linked to this user', 'already-linked'],
];

const verdictCells: Cell[] = VERDICTS.map(([key, caption, code]) => ({
  caption,
  args: { query: STORY_ACCOUNTS[key].number },
  expect: { code, accountId: STORY_ACCOUNTS[key].id },
}));

/** Each verdict alone, found by the account's number: the reason and the next step, side by side. */
export const Verdicts: Story = {
  render: (args) => renderGallery(args, verdictCells),
  play: async ({ canvasElement }) => expectCells(canvasElement, verdictCells),
};

/** Where a gallery picker of this failure sends its searches. */
const failingEndpoint = (failure: Failure) => `/api/gallery/${failure}/search`;

const ERRORS: [Failure, string, RegExp, Partial<PickerArgs>?][] = [
  ['network-down', 'No connection', /reach the account search/],
  ['timeout', 'Timed out (after 1.5 s here)', /took longer than 1\.5 seconds/, { timeout: 1500 }],
  ['invalid-json', 'Unreadable answer', /could not be used|cannot read/],
  ['unauthorized', 'Session expired (401)', /HTTP 401/],
  ['forbidden', 'No permission (403)', /HTTP 403/],
  ['not-found', 'Endpoint not found (404)', /HTTP 404/],
  ['rate-limited', 'Too many searches (429)', /HTTP 429/],
  ['server-error', 'Server error (500)', /HTTP 500/],
  ['bad-request', 'Refused: any other 4xx (400)', /refused \(HTTP 400\)/],
];

const errorCells: Cell[] = ERRORS.map(([failure, caption, error, args]) => ({
  caption,
  args: { query: 'Harbor Point', endpoint: failingEndpoint(failure), ...args },
  expect: { error },
}));

/** One loader for all the error cells: each failure answers on its own path, from its own mocked server. */
const failingBackends = async (context: object) => {
  const { msw, id, viewMode } = context as { msw: SetupWorker } & StoryPlace;
  for (const [failure] of ERRORS) {
    msw.use(...createHandlers({ endpoint: storyEndpoint(failingEndpoint(failure), { id, viewMode }), scenario: { failure } }));
  }
  return {};
};

/** Every kind of failure the admin can meet, each with its own title, message and "Try again". */
export const Errors: Story = {
  loaders: [mockBackend(), failingBackends],
  render: (args) => renderGallery(args, errorCells),
  play: async ({ canvasElement }) => expectCells(canvasElement, errorCells),
};
