import type { TFunction } from "i18next";
import { formatNumber } from "../../components/format.ts";

/** "1,234人" / "1,234 members" (`t` of the "segments" namespace). */
export const membersCount = (t: TFunction, n: number) => t("count", { count: n, formatted: formatNumber(n) });
