/**
 * The whole accessibility tree of the test page, as Chromium gives it to screen readers.
 * wtr's own a11ySnapshot keeps only "interesting" nodes, which drops the options of a listbox driven by
 * aria-activedescendant (they are not focusable): exactly the nodes a combobox test needs.
 */
export function axTreePlugin() {
  return {
    name: 'ax-tree',
    async executeCommand({ command, session }) {
      if (command !== 'ax-tree') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`ax-tree needs the Chrome launcher, not ${session.browser.type}.`);
      const page = session.browser.getPage(session.id);
      return page.accessibility.snapshot({ interestingOnly: false });
    },
  };
}
