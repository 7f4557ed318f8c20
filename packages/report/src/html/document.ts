import type { AuditResult } from "../result.js";
import { contentSecurityPolicy } from "./csp.js";
import { type HtmlOptions, renderHtmlReport } from "./report.js";
import { REPORT_SCRIPT } from "./script.js";
import { REPORT_CSS } from "./styles.js";
import { html, trustedHtml } from "./template.js";

const DOCUMENT_CSS = `${REPORT_CSS}
html { color-scheme: light dark; }
body { margin: 0; }
`;

/**
 * One self-contained HTML document that works offline. Its Content-Security-Policy allows no remote
 * loads, images only from data: URIs and only its own stylesheet and script (by SHA-256 hash), so even
 * markup that slipped through escaping could not run. Async because the hashes use Web Crypto.
 */
export async function renderHtml(result: AuditResult, options: HtmlOptions = {}): Promise<string> {
  const csp = await contentSecurityPolicy(DOCUMENT_CSS, REPORT_SCRIPT);
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Spurious correlation audit: ${result.dataset.source}</title>
<style>${trustedHtml(DOCUMENT_CSS)}</style>
</head>
<body>
${trustedHtml(renderHtmlReport(result, options))}
<script>${trustedHtml(REPORT_SCRIPT)}</script>
</body>
</html>
`.value;
}
