import type { CSSProperties } from 'react';

/** The chosen site's row, matching the ranked table's selected row. */
export const SELECTED_ROW: CSSProperties = { background: '#fde7f1' };
