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
