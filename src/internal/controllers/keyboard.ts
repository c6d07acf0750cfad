import type { ListboxController } from './listbox-controller.js';

/** What the combobox's keys act on. */
export interface ComboboxKeyTarget {
  readonly listbox: ListboxController;
  /** The search box's text. */
  readonly text: string;
  /** Whether the caret is at the start of the search box. */
  readonly caretAtStart: boolean;
  pick(index: number): void;
  loadMore(): void;
  /** Runs a failed search again, when the server allows. */
  retry(): void;
  /** Clears the query (Escape on a closed popup). */
  clear(): void;
  /** Removes the last selected account (Backspace in an empty box); returns whether there was one. */
  removeLast(): boolean;
}

/**
 * The WAI-ARIA combobox keys on the search box. Arrows, Home, End and Enter act only on the options
 * on screen for the current query (the listbox decides which those are).
 */
export function handleComboboxKey(event: KeyboardEvent, target: ComboboxKeyTarget): void {
  if (event.isComposing) return;
  const { listbox } = target;
  const listShown = listbox.expanded;
  const stop = (): void => {
    event.preventDefault();
    event.stopPropagation();
  };
  switch (event.key) {
    case 'ArrowDown':
      event.preventDefault();
      if (!listbox.open) {
        listbox.open = true;
        if (event.altKey) return;
      }
      if (listbox.move('next')) target.loadMore();
      return;
    case 'ArrowUp':
      event.preventDefault();
      listbox.open = true;
      listbox.move('previous');
      return;
    // The text box's keys until the admin has arrowed into the list: the caret must be able to move.
    case 'Home':
      if (!listShown || !listbox.activeOption) return;
      event.preventDefault();
      listbox.move('first');
      return;
    case 'End':
      if (!listShown || !listbox.activeOption) return;
      event.preventDefault();
      if (listbox.move('last')) target.loadMore();
      return;
    case 'Enter': {
      const option = listShown ? listbox.activeOption : undefined;
      if (option) {
        event.preventDefault();
        target.pick(option.index);
      } else if (listbox.open) {
        event.preventDefault();
        target.retry();
      }
      return;
    }
    case 'Tab':
      // Leaves the picker for the page's next (or previous) stop: the popup has no tab stops, its
      // actions are reached from here (↓ at the last row loads more, Enter retries) or by pointer.
      listbox.open = false;
      return;
    case 'Escape':
      // Handled here, it must not also close a dialog the picker sits in.
      if (listbox.open) {
        stop();
        listbox.open = false;
        listbox.activeIndex = -1;
      } else if (target.text) {
        stop();
        target.clear();
      }
      return;
    case 'Backspace':
      if (target.text === '' && target.caretAtStart && target.removeLast()) event.preventDefault();
      return;
  }
}
