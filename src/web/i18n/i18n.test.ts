// Every namespace has the same keys in Japanese and English: a string added in one language only
// would show the other language's text (or the key) to half of the users.
import { expect, test } from "vitest";
import i18n from "./index.ts";

// Loading every strings module registers its namespace, as the pages do when they load.
import.meta.glob(["../**/i18n.ts", "../components/profileLabels.ts", "../components/formStrings.ts"], {
  eager: true,
});

const NAMESPACES = [
  "admin",
  "auth",
  "common",
  "consent",
  "directory",
  "errors",
  "events",
  "feed",
  "forms",
  "groups",
  "home",
  "inquiries",
  "invite",
  "messages",
  "moderation",
  "network",
  "notifications",
  "operator",
  "opportunities",
  "profile",
  "profileLabels",
  "register",
  "segments",
  "setup",
  "twoFactor",
  "ui",
  "welcome",
];

// English plural forms (count_one, count_other) stand for one key: Japanese has no plural forms.
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf as a dotted path ("roster.upload.title"), plural forms as their base key, sorted. */
function paths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix.replace(PLURAL, "")];
  const all = Object.entries(value).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k));
  return [...new Set(all)].sort();
}

test("every namespace is registered in both languages", () => {
  const data = i18n.store.data;
  expect(Object.keys(data.ja).sort()).toEqual(NAMESPACES);
  expect(Object.keys(data.en).sort()).toEqual(NAMESPACES);
});

test.each(NAMESPACES)("namespace %s has the same keys in ja and en", (ns) => {
  const ja = paths(i18n.store.data.ja[ns]);
  const en = paths(i18n.store.data.en[ns]);
  expect(ja.length).toBeGreaterThan(0);
  expect({
    onlyInJa: ja.filter((k) => !en.includes(k)),
    onlyInEn: en.filter((k) => !ja.includes(k)),
  }).toEqual({
    onlyInJa: [],
    onlyInEn: [],
  });
});
