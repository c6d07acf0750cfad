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
  /** aria-invalid as Chromium reports it on a form control ("true", "false", …). */
  invalid?: string;
  children?: AXNode[];
}

/** The page's whole accessibility tree, as Chromium has it now. */
export function axTree(): Promise<AXNode> {
  return executeServerCommand<AXNode, undefined>('ax-tree');
}

/** A node of the tree that matched, with its ancestors from the root (nearest last). */
export interface AXFound {
  node: AXNode;
  ancestors: AXNode[];
}

/** Every node of `node`'s tree that `match` accepts, in document order, each with its ancestors. */
export function findAll(
  node: AXNode,
  match: (node: AXNode) => boolean,
  ancestors: AXNode[] = [],
  found: AXFound[] = [],
): AXFound[] {
  if (match(node)) found.push({ node, ancestors });
  for (const child of node.children ?? []) findAll(child, match, [...ancestors, node], found);
  return found;
}

/** Every node of that role, in document order. */
export function nodes(tree: AXNode, role: string): AXNode[] {
  return findAll(tree, (node) => node.role === role).map((found) => found.node);
}

/** The combobox's node in the tree (the search box as a screen reader has it); throws when there is none. */
export function comboboxNode(tree: AXNode): AXNode {
  const [box] = nodes(tree, 'combobox');
  if (!box) throw new Error('no combobox in the accessibility tree');
  return box;
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
