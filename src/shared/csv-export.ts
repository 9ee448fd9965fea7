// CSV exports for Excel: the encodings an operator may choose (the server encodes, the web offers them).
import { z } from "zod";

/** UTF-8 with a BOM (Excel opens it as is) or Shift_JIS (older Excel, HR systems). */
export const CSV_ENCODINGS = ["utf8", "shift_jis"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export const csvEncodingParam = z.enum(CSV_ENCODINGS).default("utf8");
