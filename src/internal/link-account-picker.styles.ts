import { css } from 'lit';
import { controlStyles } from './styles/control.styles.js';
import { optionStyles } from './styles/option.styles.js';
import { popupStyles } from './styles/popup.styles.js';

/**
 * The element's styles, one module per view they style; the preferences that cut across the views
 * (reduced motion, forced colours) sit here, last, so they win over each view's rules.
 */
export const styles = css`
  ${controlStyles}
  ${popupStyles}
  ${optionStyles}

  @media (prefers-reduced-motion: reduce) {
    .control {
      transition: none;
    }

    .spinner {
      animation-duration: 2.4s;
    }
  }

  @media (forced-colors: active) {
    .control,
    .popup,
    .chip {
      border-color: CanvasText;
    }

    /* The chips' coloured edge too: the border-color above comes later than the edge's colour. */
    .row {
      border-inline-start-color: CanvasText;
    }

    /* Box shadows are dropped in forced colours: the focused box gets an outline instead. */
    .control:focus-within {
      outline: 2px solid Highlight;
      outline-offset: 1px;
    }

    .row.active {
      outline: 2px solid Highlight;
    }

    /* Selected rows are filled with Highlight: the active one's outline must not be Highlight too. */
    .row.active.selected {
      outline-color: HighlightText;
      outline-offset: -4px;
    }

    .row.selected {
      forced-color-adjust: none;
      background: Highlight;
    }

    .row.selected,
    .row.selected * {
      color: HighlightText;
    }

    .row:has([aria-disabled='true']) .name {
      color: GrayText;
    }

    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }

    .marker {
      border: 1px solid CanvasText;
    }

    .spinner {
      border-color: CanvasText;
      border-block-start-color: Highlight;
    }
  }
`;
