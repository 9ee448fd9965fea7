import { addStrings } from "../../i18n/index.ts";

export const strings = {
  ja: {
    setup: {
      title: "二段階認証の設定",
      subtitle: "ログインのたびに、パスワードに加えて認証アプリの6桁のコードを入力します。",
      requiredTitle: "運営者・管理者のアカウントには二段階認証が必要です",
      requiredBody:
        "元社員の個人情報を扱うため、運営者と管理者はパスワードだけではログインできません。設定が終わるまで、運営画面は開けません。所要時間は2分ほどです。",
      optional: "二段階認証は任意です。設定すると、パスワードが漏れてもアカウントを守れます。",
      already: "二段階認証は設定済みです。",
      continue: "続ける",
      step1: "1. パスワードを入力してください",
      password: "パスワード",
      start: "設定を始める",
      step2: "2. 認証アプリでQRコードを読み取ってください",
      apps: "Google Authenticator、Microsoft Authenticator、1Password など、TOTP に対応したアプリが使えます。",
      qrAlt: "認証アプリに登録するQRコード",
      secretLabel: "QRコードを読み取れない場合は、このキーを手入力してください",
      secret: "セットアップキー",
      step3: "3. アプリに表示された6桁のコードを入力してください",
      code: "確認コード（6桁）",
      codeInvalid: "6桁の数字を入力してください。",
      verify: "確認して有効にする",
      doneTitle: "二段階認証を有効にしました",
      backupTitle: "バックアップコード",
      backupBody:
        "スマートフォンをなくしたときは、認証アプリのコードの代わりにバックアップコードを1回ずつ使えます。このコードが表示されるのは今回だけです。安全な場所に保管してください。",
      download: "ダウンロード",
      copyAll: "まとめてコピー",
      copied: "コピーしました",
      saved: "保管しました。続ける",
      fileHeader: "Tsunagari 二段階認証のバックアップコード（各コードは1回だけ使えます）",
    },
    challenge: {
      title: "確認コードの入力",
      subtitle: "認証アプリに表示されている6桁のコードを入力してください。",
      code: "確認コード（6桁）",
      codeInvalid: "6桁の数字を入力してください。",
      submit: "確認してログイン",
      useBackup: "バックアップコードを使う",
      useApp: "認証アプリのコードを使う",
      backupSubtitle:
        "保管しておいたバックアップコードを1つ入力してください。使ったコードは使えなくなります。",
      backupCode: "バックアップコード",
      backupInvalid: "バックアップコードを入力してください。",
      back: "最初からやり直す",
    },
    magicNote:
      "二段階認証を設定したアカウントは、パスワードと確認コードでログインしてください（ログイン用リンクは送られません）。",
  },
  en: {
    setup: {
      title: "Set up two-factor authentication",
      subtitle:
        "Each time you sign in, you enter a 6-digit code from an authenticator app after your password.",
      requiredTitle: "Operator and administrator accounts need two-factor authentication",
      requiredBody:
        "Operators and administrators handle former employees' personal data, so a password alone is not enough. The operator pages stay closed until this is set up. It takes about two minutes.",
      optional:
        "Two-factor authentication is optional for you. It protects your account even if your password leaks.",
      already: "Two-factor authentication is set up.",
      continue: "Continue",
      step1: "1. Enter your password",
      password: "Password",
      start: "Start",
      step2: "2. Scan the QR code with your authenticator app",
      apps: "Any app that supports TOTP works: Google Authenticator, Microsoft Authenticator, 1Password and others.",
      qrAlt: "QR code to add to your authenticator app",
      secretLabel: "If you cannot scan the QR code, type this key into the app",
      secret: "Setup key",
      step3: "3. Enter the 6-digit code the app shows",
      code: "Code (6 digits)",
      codeInvalid: "Enter the 6 digits.",
      verify: "Verify and turn on",
      doneTitle: "Two-factor authentication is on",
      backupTitle: "Backup codes",
      backupBody:
        "If you lose your phone, use a backup code instead of the app's code, each one once. They are shown only now: keep them somewhere safe.",
      download: "Download",
      copyAll: "Copy all",
      copied: "Copied",
      saved: "I saved them. Continue",
      fileHeader: "Tsunagari two-factor backup codes (each code works once)",
    },
    challenge: {
      title: "Enter your code",
      subtitle: "Enter the 6-digit code your authenticator app shows.",
      code: "Code (6 digits)",
      codeInvalid: "Enter the 6 digits.",
      submit: "Verify and sign in",
      useBackup: "Use a backup code",
      useApp: "Use the app's code",
      backupSubtitle: "Enter one of the backup codes you saved. A code works only once.",
      backupCode: "Backup code",
      backupInvalid: "Enter a backup code.",
      back: "Start over",
    },
    magicNote:
      "Accounts with two-factor authentication sign in with their password and a code (no sign-in link is sent to them).",
  },
};

addStrings("twoFactor", strings);
