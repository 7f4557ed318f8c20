import { expect, test } from "vitest";
import { placeholder } from "../src/index.js";
test("x", () => expect(placeholder).toBe(1));
