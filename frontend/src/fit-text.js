// How large a line of text can be in a box (pure). Text scales in proportion to its font size (the
// ticker's letter-spacing is in em), so one measurement at any size tells the size that fits.

/** The share of the box's width the numerals may take: the rest is a margin against the edges. */
export const FILL = 0.94;

/**
 * The font size (px, rounded down to a hundredth) at which text measured `width`×`height` at
 * `size` fills `fill` of the box's width without passing its height; null when a measure is
 * missing (the text or the box is not laid out, e.g. hidden).
 * @param {{size: number, width: number, height: number}} measured
 * @param {{boxWidth: number, boxHeight: number, fill?: number}} box
 */
export function fittedSize({ size, width, height }, { boxWidth, boxHeight, fill = FILL }) {
  if (![size, width, height, boxWidth, boxHeight].every((value) => Number.isFinite(value) && value > 0)) return null;
  const byWidth = (size * boxWidth * fill) / width;
  const byHeight = (size * boxHeight) / height;
  return Math.floor(Math.min(byWidth, byHeight) * 100) / 100;
}

/**
 * How tall a row of a grid may grow: its own height and the space the rows leave free in the box
 * (the box's inner height less every row and the gaps between them). The screen layout keeps its
 * rows together, the number among them, and centres them: the number's row grows into this room
 * rather than taking it as empty space around the number. Null when a measure is missing.
 * @param {number} rowHeight the row's height now
 * @param {{innerHeight: number, rows: number[], gap: number}} grid every row's height, the row
 *   itself among them
 */
export function roomFor(rowHeight, { innerHeight, rows, gap }) {
  if (![rowHeight, innerHeight, gap, ...rows].every(Number.isFinite) || rows.length === 0) return null;
  const taken = rows.reduce((sum, row) => sum + row, 0) + gap * (rows.length - 1);
  return rowHeight + innerHeight - taken;
}
