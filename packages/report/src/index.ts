export { csvText, renderCsv } from "./csv.js";
export { escapeHtml, showControls } from "./escape.js";
export type { Thumbnails } from "./html/figure.js";
export { renderHtml } from "./html/document.js";
export { type HtmlOptions, renderHtmlReport } from "./html/report.js";
export { enhanceReport, REPORT_SCRIPT } from "./html/script.js";
export { REPORT_CSS } from "./html/styles.js";
export { renderJson } from "./json.js";
export { renderText, type TextOptions } from "./text.js";
