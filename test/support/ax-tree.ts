/**
 * What a screen reader is given: Chromium's accessibility tree for the whole page, over DevTools (see
 * test/element/ax-tree-plugin.js), with the few fields the tests read.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from '@open-wc/testing';
import { PATIENCE_MS } from './wait.js';

export interface AXNode {
  role: string;
  name: string;
  description?: string;
  disabled?: boolean;
  expanded?: boolean;
  focused?: boolean;
  selected?: boolean;
  children?: AXNode[];
}

/** The page's whole accessibility tree, as Chromium has it now. */
export function axTree(): Promise<AXNode> {
  return executeServerCommand<AXNode, undefined>('ax-tree');
}

/** Every node of `node`'s tree that `match` accepts, in document order. */
export function findAll(node: AXNode, match: (node: AXNode) => boolean, found: AXNode[] = []): AXNode[] {
  if (match(node)) found.push(node);
  for (const child of node.children ?? []) findAll(child, match, found);
  return found;
}

/**
 * The tree once `ready` holds for it. Chromium updates its accessibility tree after the DOM, on its
 * own schedule: a snapshot taken right after a render may still miss the newest nodes or states.
 */
export async function axTreeWhen(ready: (tree: AXNode) => boolean, what: string): Promise<AXNode> {
  let tree: AXNode | undefined;
  await waitUntil(
    async () => {
      tree = await axTree();
      return ready(tree);
    },
    `accessibility tree: ${what}`,
    { timeout: PATIENCE_MS, interval: 50 },
  );
  return tree!;
}
