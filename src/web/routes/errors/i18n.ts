import { addStrings } from "../../i18n/index.ts";

export const strings = {
  ja: {
    notFoundTitle: "ページが見つかりません",
    notFoundBody: "URL が間違っているか、ページが移動・削除された可能性があります。",
    errorTitle: "問題が発生しました",
    errorBody: "ページを表示できませんでした。再読み込みしても直らない場合は、運営にお問い合わせください。",
    reload: "再読み込み",
    home: "トップへ戻る",
  },
  en: {
    notFoundTitle: "Page not found",
    notFoundBody: "The address may be mistyped, or the page was moved or removed.",
    errorTitle: "Something went wrong",
    errorBody: "This page could not be shown. If reloading does not help, please contact the operators.",
    reload: "Reload",
    home: "Back to the top",
  },
};

addStrings("errors", strings);
