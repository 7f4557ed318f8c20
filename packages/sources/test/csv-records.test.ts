import { describe, expect, it } from "vitest";
import { CsvRecordParser, parseCsv } from "../src/index.js";

const fieldsOf = (text: string) => parseCsv(text).map((record) => record.fields);

describe("CSV records (RFC 4180)", () => {
  it("splits plain fields and keeps empty ones", () => {
    expect(fieldsOf("a,b,c\n1,,3\n,,\n")).toEqual([
      ["a", "b", "c"],
      ["1", "", "3"],
      ["", "", ""],
    ]);
  });

  it("unquotes fields holding commas, doubled quotes and line breaks", () => {
    const text = 'path,label\n"a,b.jpg","say ""hi"""\n"multi\nline.jpg",x\n"",""\n';
    expect(fieldsOf(text)).toEqual([
      ["path", "label"],
      ["a,b.jpg", 'say "hi"'],
      ["multi\nline.jpg", "x"],
      ["", ""],
    ]);
  });

  it("accepts CRLF, a byte-order mark, no final line break, and skips blank lines while counting them", () => {
    const records = parseCsv('\uFEFFpath,label\r\n\r\n"x\r\ny",1\r\nlast,2');
    expect(records).toEqual([
      { fields: ["path", "label"], line: 1 },
      { fields: ["x\r\ny", "1"], line: 3 },
      { fields: ["last", "2"], line: 5 },
    ]);
  });

  it("gives the same records whatever the chunking", () => {
    const text = '\uFEFFp,l\r\n"a,""b""\r\nc",d\r\ne,f\r\n';
    const whole = parseCsv(text);
    for (let size = 1; size <= 4; size++) {
      const parser = new CsvRecordParser();
      const records = [];
      for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
      records.push(...parser.end());
      expect(records).toEqual(whole);
    }
    expect(whole.map((record) => record.fields)).toEqual([
      ["p", "l"],
      ['a,"b"\r\nc', "d"],
      ["e", "f"],
    ]);
  });

  it("keeps stray quotes literally instead of failing", () => {
    expect(fieldsOf('ab"c,"d"e\n')).toEqual([['ab"c', "de"]]);
  });

  it("flags a quoted field still open at the end of the input", () => {
    expect(parseCsv('a,b\n1,"never closed\n2,3\n')).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["1", "never closed\n2,3\n"], line: 2, unterminatedQuote: true },
    ]);
  });

  it("refuses a record longer than the limit instead of growing without bound", () => {
    expect(() => parseCsv(`ok\n"${"x".repeat(100)}`, 50)).toThrow(
      "record starting on line 2 is longer than 50 characters (unbalanced quote?)",
    );
  });
});
