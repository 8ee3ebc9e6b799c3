// The ticker's shadow styles. Page authors restyle it through the --ticker-* custom
// properties and ::part() names listed in README.md; everything else stays private.
// light-dark() picks each colour from the host's color-scheme: the reader's preference,
// or the theme attribute when set.

export const tickerStyles = `
:host {
  color-scheme: light dark;
  --_font: var(--ticker-font, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  --_color: var(--ticker-color, light-dark(#15171c, #f3f4f8));
  --_muted: var(--ticker-muted, light-dark(#5d6473, #a3aaba));
  --_bg: var(--ticker-bg, light-dark(#ffffff, #15171e));
  --_border: var(--ticker-border, light-dark(#e3e6ec, #2a2e39));
  --_accent: var(--ticker-accent, light-dark(#5b4cf0, #9d93ff));
  --_warn: var(--ticker-warn, light-dark(#a35200, #f2b35b));
  --_danger: var(--ticker-danger, light-dark(#bf1d2b, #ff7a7f));
  --_size: var(--ticker-size, clamp(3rem, 11vw, 9rem));
  --_radius: var(--ticker-radius, 1.25rem);
  --_roll: var(--ticker-roll-duration, 900ms);
  --_spark: var(--ticker-sparkline-color, var(--_accent));
  --_spark-height: var(--ticker-sparkline-height, clamp(2.25rem, 6vw, 3.75rem));
  --_line: 1.1em;

  display: inline-block;
  box-sizing: border-box;
  max-width: 100%;
  font-family: var(--_font);
  color: var(--_color);
  contain: layout;
}
:host([theme="light"]) { color-scheme: light; }
:host([theme="dark"]) { color-scheme: dark; }
:host([hidden]) { display: none; }

*, *::before, *::after { box-sizing: inherit; }

.card {
  position: relative;
  display: grid;
  justify-items: center;
  gap: 0.5rem;
  padding: clamp(1.25rem, 3vw, 2.75rem) clamp(1.5rem, 4vw, 3.5rem);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  background: var(--_bg);
  box-shadow: 0 1px 2px rgb(0 0 0 / 0.06), 0 12px 40px -12px rgb(0 0 0 / 0.18);
  text-align: center;
}

.profile {
  font-size: clamp(0.95rem, 1.6vw, 1.35rem);
  font-weight: 600;
  color: var(--_muted);
  letter-spacing: 0.01em;
  min-height: 1.4em;
}

.figure {
  display: grid;
  place-items: center;
  min-height: calc(var(--_size) * 1.1);
  font-size: var(--_size);
}
.figure > * { grid-area: 1 / 1; }

.total {
  display: inline-flex;
  direction: ltr;
  unicode-bidi: isolate;
  height: var(--_line);
  line-height: var(--_line);
  font-weight: 750;
  letter-spacing: -0.03em;
  font-variant-numeric: tabular-nums;
  font-feature-settings: "tnum" 1;
  transition: opacity 300ms ease;
}
.cell { display: inline-block; height: var(--_line); }
.digit {
  overflow: hidden;
  /* Soft top and bottom edges, so digits roll in and out of view rather than being cut. */
  -webkit-mask-image: linear-gradient(transparent, #000 8%, #000 92%, transparent);
  mask-image: linear-gradient(transparent, #000 8%, #000 92%, transparent);
}
.strip {
  display: flex;
  flex-direction: column;
  transform: translateY(calc(var(--digit, 0) * -1 * var(--_line)));
  transition: transform var(--_roll) cubic-bezier(0.22, 1, 0.36, 1);
}
.strip > span { display: block; height: var(--_line); text-align: center; }

.skeleton {
  display: none;
  width: 3.2em;
  height: 0.72em;
  border-radius: 0.16em;
  background: linear-gradient(90deg,
    color-mix(in srgb, var(--_muted) 14%, transparent) 30%,
    color-mix(in srgb, var(--_muted) 28%, transparent) 50%,
    color-mix(in srgb, var(--_muted) 14%, transparent) 70%);
  background-size: 300% 100%;
  animation: shimmer 1.6s ease-in-out infinite;
}

.fallback {
  display: none;
  margin: 0;
  max-width: 18em;
  font-size: clamp(1.25rem, 3.2vw, 2.25rem);
  font-weight: 600;
  line-height: 1.25;
  color: var(--_muted);
  text-wrap: balance;
}

.label {
  margin-top: -0.25rem;
  font-size: clamp(0.85rem, 1.4vw, 1.15rem);
  font-weight: 500;
  letter-spacing: 0.14em;
  text-transform: uppercase;
  color: var(--_muted);
}

.badge {
  --_tone: var(--_accent);
  display: inline-flex;
  align-items: center;
  gap: 0.5em;
  min-height: 2em;
  margin: 0.25rem 0 0;
  padding: 0.3em 0.85em;
  border-radius: 999px;
  font-size: clamp(0.8rem, 1.2vw, 1rem);
  font-weight: 500;
  color: var(--_color);
  background: color-mix(in srgb, var(--_tone) 12%, transparent);
  visibility: hidden;
}
.dot {
  flex: none;
  width: 0.55em;
  height: 0.55em;
  border-radius: 50%;
  background: var(--_tone);
}

.sources {
  display: none;
  width: 100%;
  margin: 0.75rem 0 0;
  padding: 0.75rem 0 0;
  border-top: 1px solid var(--_border);
  list-style: none;
  font-size: clamp(0.85rem, 1.3vw, 1.05rem);
}
.sources.several { display: grid; gap: 0.4rem; }
.source {
  display: grid;
  grid-template-columns: auto 1fr auto;
  align-items: center;
  gap: 0.6em;
  text-align: start;
}
.source .dot { --_tone: var(--_accent); }
.source[data-state="stale"] .dot { --_tone: var(--_warn); }
.source[data-state="error"] .dot, .source[data-state="nodata"] .dot { --_tone: var(--_danger); }
.source-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.source-provider { color: var(--_muted); }
.source-total { font-weight: 650; font-variant-numeric: tabular-nums; }

/* The growth line and the sparkline, each present only when there is something to show (the host's
   data-growth and data-sparkline); the sparkline's box is kept while its history is on the way. */
.growth {
  display: none;
  margin: 0;
  font-size: clamp(0.9rem, 1.5vw, 1.2rem);
  font-weight: 600;
  color: var(--_muted);
  font-variant-numeric: tabular-nums;
}
:host([data-growth]) .growth { display: block; }
:host([data-growth="up"]) .growth { color: var(--_accent); }
.sparkline {
  display: none;
  justify-self: stretch;
  height: var(--_spark-height);
  margin-top: 0.25rem;
}
:host([data-sparkline]) .sparkline { display: block; }
.sparkline svg { display: block; width: 100%; height: 100%; overflow: visible; }
.sparkline .line {
  fill: none;
  stroke: var(--_spark);
  stroke-width: 2;
  stroke-linejoin: round;
  stroke-linecap: round;
  vector-effect: non-scaling-stroke;
}
.sparkline .area { fill: color-mix(in srgb, var(--_spark) 14%, transparent); }

/* A milestone's text sits on the card's top edge, over nothing else: it moves nothing. */
.celebration {
  position: absolute;
  top: 0;
  left: 50%;
  max-width: calc(100% - 2rem);
  margin: 0;
  padding: 0.3em 0.95em;
  border-radius: 999px;
  font-size: clamp(0.85rem, 1.4vw, 1.1rem);
  font-weight: 650;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
  color: var(--_bg);
  background: var(--_accent);
  transform: translate(-50%, -50%);
  visibility: hidden;
}
:host([data-celebrating]) .celebration { visibility: visible; }
.card.celebrate-motion { animation: celebration-ring 1.2s ease-out 3; }
.card.celebrate-motion .celebration { animation: celebration-pop 600ms cubic-bezier(0.2, 1.5, 0.4, 1) both; }
.card.celebrate-motion .total { animation: celebration-bump 900ms ease-in-out 2; }

/* States, mirrored on the host as data-state. */
:host([data-state="loading"]) .skeleton { display: block; }
:host([data-state="loading"]) .label { visibility: hidden; }
:host([data-state="nodata"]) .fallback { display: block; }
:host([data-state="nodata"]) .total,
:host([data-state="nodata"]) .label { display: none; }
:host(:not([data-state="loading"]):not([data-state="nodata"])) .badge { visibility: visible; }
:host([data-state="fresh"]) .dot { animation: pulse 2.4s ease-in-out infinite; }
:host([data-state="stale"]) .badge { --_tone: var(--_warn); }
:host([data-state="error"]) .badge { --_tone: var(--_danger); }
:host([data-state="offline"]) .badge { --_tone: var(--_muted); }
/* No count yet because the provider fails: the fallback message, and below it why. */
:host([data-state="nodata"][data-error]:not([data-error="NO_DATA"])) .badge { visibility: visible; --_tone: var(--_danger); }
/* A count that is not current is shown, but not as confidently. */
:host([data-state="stale"]) .total,
:host([data-state="error"]) .total,
:host([data-state="offline"]) .total { opacity: 0.72; }

/* Provider icons: drawn in the text's colour. The card names a source's provider in words only. */
.provider-icon { display: inline-grid; place-items: center; width: 1.15em; height: 1.15em; }
.provider-icon:empty, .source .provider-icon, .source-share { display: none; }
.provider-icon svg { width: 100%; height: 100%; fill: currentColor; }
.icon-letter {
  display: grid;
  place-items: center;
  width: 100%;
  height: 100%;
  border-radius: 50%;
  font-size: 0.7em;
  font-weight: 750;
  color: var(--_bg);
  background: var(--_muted);
}

/* The screen layout (screen.html): the whole box the page gives it, no card around the count, the
   rows kept together and centred (on a portrait screen the label and the badge stay under the
   number, not at the bottom edge), the numerals sized by the script to the room the rows leave,
   every other line in viewport units so it reads from across a room at any resolution. */
:host([layout="screen"]) {
  display: block;
  width: 100%;
  height: 100%;
  --_size: 20vmin;
  --_muted: var(--ticker-muted, light-dark(#474d5a, #b4bac8));
  --_spark-height: var(--ticker-sparkline-height, 12vh);
}
:host([layout="screen"]) .card {
  height: 100%;
  grid-auto-rows: auto;
  align-content: safe center;
  gap: 1.2vmin;
  padding: 4vmin 3vw 3vmin;
  border: 0;
  border-radius: 0;
  box-shadow: none;
}
:host([layout="screen"]) .profile {
  display: inline-flex;
  align-items: center;
  gap: 0.5em;
  font-size: 4vmin;
  font-weight: 650;
}
:host([layout="screen"]) .figure { justify-self: stretch; min-height: 0; }
:host([layout="screen"]) .total { font-weight: 800; letter-spacing: -0.02em; }
:host([layout="screen"]) .fallback { font-size: 6vmin; max-width: 22em; }
:host([layout="screen"]) .label { margin-top: 0; font-size: 3.4vmin; font-weight: 650; }
:host([layout="screen"]) .growth { font-size: 4vmin; font-weight: 700; }
:host([layout="screen"]) .sparkline { justify-self: stretch; margin: 0 6vw; }
:host([layout="screen"]) .sparkline .line { stroke-width: 4; }
:host([layout="screen"]) .badge { font-size: 2.6vmin; font-weight: 600; }
:host([layout="screen"]) .sources.several {
  display: flex;
  flex-wrap: wrap;
  justify-content: center;
  gap: 1vmin 5vmin;
  margin: 0;
  padding: 2vmin 0 0;
  font-size: 3vmin;
}
:host([layout="screen"]) .source { display: inline-flex; gap: 0.45em; }
:host([layout="screen"]) .source .provider-icon { display: inline-grid; }
:host([layout="screen"]) .source-share { display: inline; color: var(--_muted); font-weight: 650; font-variant-numeric: tabular-nums; }
:host([layout="screen"]) .source-share::before { content: "· "; }
/* With reduced motion a milestone's text stays on the top edge, still and inside the view. */
:host([layout="screen"]) .celebration { top: 1.5vmin; font-size: 3vmin; transform: translateX(-50%); }
/* Otherwise the whole screen celebrates for the celebration's few seconds, then gives the count back. */
:host([layout="screen"]) .card.celebrate-motion .celebration {
  position: fixed;
  inset: 0;
  z-index: 1;
  display: grid;
  place-items: center;
  max-width: none;
  padding: 6vmin;
  border-radius: 0;
  font-size: 10vmin;
  line-height: 1.1;
  white-space: normal;
  text-align: center;
  text-wrap: balance;
  color: #ffffff;
  background: radial-gradient(circle at 50% 45%, color-mix(in srgb, var(--_accent) 55%, #000000), #0b0a1f 85%);
  transform: none;
  animation: screen-celebration 8s ease-in-out both;
}
:host([layout="screen"]) .card.celebrate-motion .total { animation: none; }

@keyframes screen-celebration {
  0% { opacity: 0; transform: scale(0.92); }
  8% { opacity: 1; transform: scale(1); }
  50% { transform: scale(1.03); }
  92% { opacity: 1; transform: scale(1); }
  100% { opacity: 0; }
}

@keyframes shimmer { from { background-position: 100% 0; } to { background-position: 0 0; } }
@keyframes pulse { 0%, 100% { opacity: 1; } 50% { opacity: 0.35; } }
@keyframes celebration-ring {
  from { box-shadow: 0 0 0 0 color-mix(in srgb, var(--_accent) 55%, transparent); }
  to { box-shadow: 0 0 0 1.5rem transparent; }
}
@keyframes celebration-pop {
  from { opacity: 0; transform: translate(-50%, -50%) scale(0.6); }
  to { opacity: 1; transform: translate(-50%, -50%) scale(1); }
}
@keyframes celebration-bump { 0%, 100% { transform: scale(1); } 35% { transform: scale(1.06); } }

@media (prefers-reduced-motion: reduce) {
  .strip, .total { transition: none; }
  .skeleton, :host([data-state="fresh"]) .dot { animation: none; }
  .card.celebrate-motion, .card.celebrate-motion .celebration, .card.celebrate-motion .total { animation: none; }
}

.sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}
`;
