import { REPORT_CSS } from "@sc/report";
import { defineConfig, type Plugin } from "vite";

const REPORT_CSS_ID = "virtual:report.css";

/** The report's stylesheet from @sc/report, emitted as a CSS file so the CSP needs no inline styles. */
function reportCss(): Plugin {
  return {
    name: "sc-report-css",
    resolveId: (id) => (id === REPORT_CSS_ID ? REPORT_CSS_ID : null),
    load: (id) => (id === REPORT_CSS_ID ? REPORT_CSS : null),
  };
}

/**
 * The production page may load only its own files, and nothing after start (main.ts then adds
 * `connect-src 'none'`). Dev mode keeps Vite's inline styles and websocket, so this is build-only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src data: blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "sc-csp",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
        injectTo: "head-prepend",
      },
    ],
  };
}

export default defineConfig({
  base: "./",
  plugins: [reportCss(), contentSecurityPolicy()],
  build: { target: "es2022", outDir: "dist", assetsInlineLimit: 0, modulePreload: { polyfill: false } },
  worker: { format: "es" },
});
