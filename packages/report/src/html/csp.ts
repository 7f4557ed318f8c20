/** Content-Security-Policy for the standalone report: nothing remote, only its own style and script. */

/** base64 SHA-256 of UTF-8 text via Web Crypto (Node 20, browsers and edge runtimes all have it). */
export async function sha256Base64(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  let binary = "";
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export async function contentSecurityPolicy(style: string, script: string): Promise<string> {
  const [styleHash, scriptHash] = await Promise.all([sha256Base64(style), sha256Base64(script)]);
  return [
    "default-src 'none'",
    "img-src data:",
    `style-src 'sha256-${styleHash}'`,
    `script-src 'sha256-${scriptHash}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}
