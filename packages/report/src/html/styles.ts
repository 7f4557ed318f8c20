/**
 * The report's stylesheet, scoped under `.sc-report` so the web app can embed the fragment without the
 * rules leaking into its own page. Plain CSS with no url() so nothing loads from anywhere.
 */
export const REPORT_CSS = `
.sc-report { --sc-fg: #1d2330; --sc-muted: #5b6475; --sc-line: #d8dce3; --sc-bad: #b42318; --sc-ok: #18794e;
  --sc-bar: #5470c6; --sc-bg: #fff; --sc-soft: #f4f6f9;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--sc-fg); background: var(--sc-bg);
  max-width: 1100px; margin: 0 auto; padding: 16px 20px 48px; }
.sc-report h1 { font-size: 1.6em; margin: 0 0 4px; }
.sc-report h2 { font-size: 1.25em; margin: 32px 0 8px; border-bottom: 1px solid var(--sc-line); padding-bottom: 4px; }
.sc-report h3 { font-size: 1.05em; margin: 20px 0 6px; }
.sc-report .sc-muted { color: var(--sc-muted); }
.sc-report code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.sc-report table { border-collapse: collapse; margin: 6px 0 12px; }
.sc-report th, .sc-report td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--sc-line); vertical-align: top; }
.sc-report td.sc-num, .sc-report th.sc-num { text-align: right; font-variant-numeric: tabular-nums; }
.sc-report .sc-bad { color: var(--sc-bad); font-weight: 600; }
.sc-report .sc-ok { color: var(--sc-ok); }
.sc-report .sc-badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; font-weight: 600;
  background: var(--sc-bad); color: #fff; }
.sc-report .sc-stats { display: flex; flex-wrap: wrap; gap: 8px 24px; list-style: none; padding: 0; margin: 12px 0; }
.sc-report .sc-stats b { font-size: 1.3em; }
.sc-report .sc-share rect { fill: var(--sc-bar); }
.sc-report .sc-share rect.sc-track { fill: var(--sc-soft); }
.sc-report .sc-finding { border: 1px solid var(--sc-line); border-left: 4px solid var(--sc-bad); border-radius: 6px;
  padding: 4px 16px 12px; margin: 12px 0; }
.sc-report .sc-figs { display: flex; flex-wrap: wrap; gap: 12px; }
.sc-report figure { margin: 0; max-width: 220px; }
.sc-report figure.sc-chartfig { max-width: 680px; margin: 0.5em 0; }
.sc-report figcaption { font-size: 12px; color: var(--sc-muted); }
.sc-report .sc-thumb { display: block; width: 96px; height: 96px; object-fit: cover; border-radius: 4px; cursor: zoom-in;
  background: var(--sc-soft); }
.sc-report .sc-thumb.sc-zoom { position: fixed; inset: 0; margin: auto; width: min(90vw, 90vh); height: auto;
  max-height: 90vh; object-fit: contain; z-index: 10; cursor: zoom-out; box-shadow: 0 0 0 100vmax rgba(0, 0, 0, 0.7); }
.sc-report .sc-chart { max-width: 100%; height: auto; }
.sc-report .sc-chart rect { fill: var(--sc-bar); opacity: 0.8; }
.sc-report .sc-chart text { font-size: 11px; fill: var(--sc-fg); }
.sc-report .sc-chart .sc-axis line { stroke: var(--sc-muted); }
.sc-report .sc-chart .sc-median { stroke: var(--sc-bad); stroke-width: 2; }
.sc-report .sc-chart .sc-threshold { stroke: var(--sc-muted); stroke-dasharray: 4 3; }
.sc-report .sc-table-wrap { overflow-x: auto; }
.sc-report .sc-table-wrap td:first-child code { overflow-wrap: normal; white-space: nowrap; }
.sc-report .sc-filter { padding: 4px 8px; min-width: 260px; margin: 4px 12px 4px 0; }
.sc-report thead button { all: unset; cursor: pointer; font-weight: 600; }
.sc-report thead button:focus-visible { outline: 2px solid var(--sc-bar); }
.sc-report th[aria-sort="ascending"] button::after { content: " \\25B2"; }
.sc-report th[aria-sort="descending"] button::after { content: " \\25BC"; }
.sc-report details summary { cursor: pointer; }
@media (prefers-color-scheme: dark) {
  .sc-report { --sc-fg: #e6e9ef; --sc-muted: #9aa3b5; --sc-line: #394150; --sc-bad: #ff7b72; --sc-ok: #56d364;
    --sc-bar: #7d9cf0; --sc-bg: #161a22; --sc-soft: #232936; }
  .sc-report .sc-badge { color: #161a22; }
}
`;
