import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { expect, waitFor, within } from 'storybook/test';

// Temporary: proves the pipeline (MSW worker in dev, build and tests; play; axe) before the element lands.
const meta: Meta = { title: 'Internal/Pipeline' };
export default meta;

export const MswAnswers: StoryObj = {
  parameters: {
    msw: { handlers: [http.get('/api/ping', () => HttpResponse.json({ pong: true }))] },
  },
  render: () => html`<output aria-live="polite"></output>`,
  play: async ({ canvasElement }) => {
    const res = await fetch('/api/ping');
    const body = (await res.json()) as { pong: boolean };
    canvasElement.querySelector('output')!.textContent = body.pong ? 'pong' : 'no';
    await waitFor(() => expect(within(canvasElement).getByText('pong')).toBeVisible());
  },
};
