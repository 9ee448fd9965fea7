import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { common } from "./common.ts";

export type Strings = { ja: Record<string, unknown>; en: Record<string, unknown> };

const stored = typeof localStorage !== "undefined" ? localStorage.getItem("lang") : null;

i18n.use(initReactI18next).init({
  lng: stored === "en" ? "en" : "ja",
  fallbackLng: "ja",
  ns: ["common"],
  defaultNS: "common",
  resources: { ja: { common: common.ja }, en: { common: common.en } },
  interpolation: { escapeValue: false },
});

/** Adds a page area's strings as namespace `ns` (call at module level in the area). */
export function addStrings(ns: string, strings: Strings) {
  i18n.addResourceBundle("ja", ns, strings.ja, true, true);
  i18n.addResourceBundle("en", ns, strings.en, true, true);
}

export function setLanguage(lang: "ja" | "en") {
  localStorage.setItem("lang", lang);
  document.documentElement.lang = lang;
  return i18n.changeLanguage(lang);
}

// (No document when the strings are loaded by a test in Node.)
if (typeof document !== "undefined") document.documentElement.lang = i18n.language;
export default i18n;
