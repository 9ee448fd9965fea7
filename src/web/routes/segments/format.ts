import type { TFunction } from "i18next";
import { formatNumber } from "../../components/format.ts";

/** "1,234人" / "1,234 members" (`t` of the "segments" namespace); `capped`: "1,000人以上". */
export const membersCount = (t: TFunction<"segments">, n: number, capped = false) =>
  t(capped ? "countCapped" : "count", { count: n, formatted: formatNumber(n) });
