import type { CSSProperties } from 'react';

/** The colour PointOverlay gives a site with no grade. */
export const NOT_GRADED_COLOUR = '#bdbdbd';

/** The shared .sample-banner keeps to one line (it is also a small badge); these banners are sentences and must wrap. */
export const WRAP: CSSProperties = { whiteSpace: 'normal' };

/** The chosen site's row, matching the ranked table's selected row. */
export const SELECTED_ROW: CSSProperties = { background: '#fde7f1' };
