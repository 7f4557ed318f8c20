import { defineConfig } from "vitest/config";

// Separate from vite.config.ts: unit tests run in Node with the real @sc/properties decoders.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 10_000,
  },
});
