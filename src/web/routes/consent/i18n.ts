import { addStrings } from "../../i18n/index.ts";

export const strings = {
  ja: {
    title: "同意・通知設定",
    subtitle: "切り替えるとすぐに反映されます。同意の撤回もいつでもできます。",
    optIns: "任意の同意",
    notice: "プライバシーポリシー",
    accepted: "第{{version}}版に同意済み（{{date}}）",
    notAccepted: "同意の記録がありません。",
    read: "プライバシーポリシーを読む",
    newer: "プライバシーポリシーが改訂されました（第{{version}}版）",
    newerBody: "内容をお読みのうえ、同意をお願いします。",
    notYet: "プライバシーポリシー（第{{version}}版）にまだ同意していません",
    notYetBody: "内容をお読みのうえ、同意をお願いします。",
    acceptNewer: "第{{version}}版に同意する",
    acceptedNow: "プライバシーポリシーへの同意を記録しました。",
    updated: "設定を変更しました。",
    lastChanged: "最終変更: {{date}}",
    close: "閉じる",
  },
  en: {
    title: "Consent & notifications",
    subtitle: "Changes take effect at once. You may withdraw consent at any time.",
    optIns: "Optional consents",
    notice: "Privacy notice",
    accepted: "You accepted version {{version}} ({{date}})",
    notAccepted: "No acceptance is recorded.",
    read: "Read the privacy notice",
    newer: "The privacy notice was revised (version {{version}})",
    newerBody: "Please read it and accept it.",
    notYet: "You have not accepted the privacy notice (version {{version}}) yet",
    notYetBody: "Please read it and accept it.",
    acceptNewer: "Accept version {{version}}",
    acceptedNow: "Your acceptance of the privacy notice was recorded.",
    updated: "Setting changed.",
    lastChanged: "Last changed: {{date}}",
    close: "Close",
  },
};

addStrings("consent", strings);
