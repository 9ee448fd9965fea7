// The desk's business hours (network_settings): what response times are measured in.
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { networkSettings } from "../../db/schema/index.ts";
import { audit } from "../../server/audit.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { AppError } from "../../shared/errors.ts";
import { type BusinessHours, DEFAULT_BUSINESS_HOURS, isTimeZone } from "./business-hours.ts";
import type { BusinessHoursInput } from "./schemas.ts";

export async function businessHoursOf(db: Db | Tx, networkId: string): Promise<BusinessHours> {
  const [row] = await db
    .select({
      start: networkSettings.businessStart,
      end: networkSettings.businessEnd,
      days: networkSettings.businessDays,
      timeZone: networkSettings.businessTimeZone,
      holidays: networkSettings.businessHolidays,
    })
    .from(networkSettings)
    .where(eq(networkSettings.networkId, networkId));
  if (!row) return DEFAULT_BUSINESS_HOURS;
  return {
    ...row,
    days: row.days.map(Number),
    timeZone: isTimeZone(row.timeZone) ? row.timeZone : DEFAULT_BUSINESS_HOURS.timeZone,
  };
}

const toClock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const toMinutes = (clock: string) => {
  const [h, m] = clock.split(":").map(Number);
  return h! * 60 + m!;
};

export function presentBusinessHours(h: BusinessHours): BusinessHoursInput {
  return {
    start: toClock(h.start),
    end: toClock(h.end),
    days: [...h.days].sort((a, b) => a - b),
    timeZone: h.timeZone as BusinessHoursInput["timeZone"],
    holidays: h.holidays,
  };
}

const endBeforeStart = () =>
  new AppError(400, "BUSINESS_HOURS_INVALID", {
    ja: "終了時刻は開始時刻より後にしてください。",
    en: "The end time must be after the start time.",
  });

export async function getBusinessHours(scope: Scope) {
  return presentBusinessHours(await businessHoursOf(scope.db, scope.network.id));
}

export async function setBusinessHours(scope: Scope, input: BusinessHoursInput) {
  const start = toMinutes(input.start);
  const end = toMinutes(input.end);
  if (!(start < end)) throw endBeforeStart();
  const days = [...new Set(input.days)].sort((a, b) => a - b);
  const networkId = scope.network.id;
  return inTransaction(scope, async ({ db: tx, actor }) => {
    const values = {
      businessStart: start,
      businessEnd: end,
      businessDays: days,
      businessTimeZone: input.timeZone,
      businessHolidays: input.holidays,
      updatedBy: actor.userId,
      updatedAt: sql`now()`,
    };
    await tx
      .insert(networkSettings)
      .values({ networkId, ...values })
      .onConflictDoUpdate({ target: networkSettings.networkId, set: values });
    const saved = await businessHoursOf(tx, networkId);
    await audit(tx, {
      networkId,
      actor,
      action: "inquiries.business_hours.update",
      targetType: "network",
      targetId: networkId,
      data: presentBusinessHours(saved),
    });
    return presentBusinessHours(saved);
  });
}
