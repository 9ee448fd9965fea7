// Every email in Japanese and English. Plain text first (it is what reaches everyone),
// with a minimal HTML part carrying the same words and the link. Values people typed (names)
// are plain text in both parts: escaped, and never a link in the HTML part.
export type Locale = "ja" | "en";

export type MailTemplates = {
  verifyEmail: { url: string };
  magicLink: { url: string };
  resetPassword: { url: string };
  invitation: { url: string; networkName: string; name?: string | null; expiresAt: string };
  registrationReceived: { networkName: string };
  registrationApproved: { networkName: string; url: string };
  registrationRejected: { networkName: string };
  /** To the roster address of the person a registration names (`name`); `accountName` the registrant's. */
  registrationInYourName: { networkName: string; name: string; accountName: string; approved: boolean };
};
export type TemplateName = keyof MailTemplates;

type Rendered = { subject: string; text: string };
type Renderers = { [K in TemplateName]: Record<Locale, (p: MailTemplates[K]) => Rendered> };

const footer: Record<Locale, string> = {
  ja: "\n\n--\nこのメールは Tsunagari（アルムナイネットワーク）から自動送信されています。心当たりのない場合は破棄してください。",
  en: "\n\n--\nThis email was sent automatically by Tsunagari (alumni network). If you did not expect it, you can ignore it.",
};
/** For the bilingual mail whose point is "if it was not you, tell someone": no "ignore it". */
const SENT_BY = {
  ja: "このメールは Tsunagari（アルムナイネットワーク）から自動送信されています。",
  en: "This email was sent automatically by Tsunagari (alumni network).",
};
const plainFooter: Record<Locale, string> = {
  ja: `\n\n--\n${SENT_BY.ja}\n${SENT_BY.en}`,
  en: `\n\n--\n${SENT_BY.en}\n${SENT_BY.ja}`,
};
const footerOf = (name: TemplateName) => (name === "registrationInYourName" ? plainFooter : footer);

/**
 * To the address the roster has (its language is unknown, so both languages, the locale's first):
 * an account was registered in this person's name.
 */
const inYourName = {
  ja: ({ networkName, name, accountName, approved }: MailTemplates["registrationInYourName"]) =>
    `${networkName} アルムナイネットワークで、名簿にあるあなたのお名前（${name}）でアカウントが登録されました（アカウント名：${accountName}）。\n${
      approved
        ? "名簿と一致したため、メンバーとして承認されています。"
        : "運営事務局が在籍確認を行っています。"
    }\n\nご本人による登録であれば、対応は不要です。\nお心当たりのない場合は、${networkName} の人事担当（アルムナイネットワークの運営事務局）までご連絡ください。`,
  en: ({ networkName, name, accountName, approved }: MailTemplates["registrationInYourName"]) =>
    `An account was registered in your name as on the roster (${name}) in the ${networkName} alumni network (account name: ${accountName}).\n${
      approved
        ? "It matched the roster and was admitted as a member."
        : "The operators are verifying the registration."
    }\n\nIf you registered yourself, there is nothing to do.\nIf it was not you, please contact ${networkName}'s HR department (the alumni network's operators).`,
};

const renderers: Renderers = {
  verifyEmail: {
    ja: ({ url }) => ({
      subject: "メールアドレスの確認",
      text: `Tsunagari へのご登録ありがとうございます。\n以下のリンクを開いてメールアドレスを確認してください。\n\n${url}\n\nリンクの有効期限は24時間です。`,
    }),
    en: ({ url }) => ({
      subject: "Verify your email address",
      text: `Thank you for signing up to Tsunagari.\nOpen the link below to verify your email address.\n\n${url}\n\nThe link is valid for 24 hours.`,
    }),
  },
  magicLink: {
    ja: ({ url }) => ({
      subject: "ログイン用リンク",
      text: `以下のリンクを開くとログインできます（有効期限15分、1回のみ有効）。\n\n${url}`,
    }),
    en: ({ url }) => ({
      subject: "Your sign-in link",
      text: `Open the link below to sign in (valid for 15 minutes, once).\n\n${url}`,
    }),
  },
  resetPassword: {
    ja: ({ url }) => ({
      subject: "パスワードの再設定",
      text: `パスワード再設定のリクエストを受け付けました。以下のリンクから新しいパスワードを設定してください（有効期限1時間）。\n\n${url}\n\nお心当たりのない場合は、このメールを破棄してください。`,
    }),
    en: ({ url }) => ({
      subject: "Reset your password",
      text: `We received a request to reset your password. Set a new password with the link below (valid for 1 hour).\n\n${url}\n\nIf you did not ask for this, ignore this email.`,
    }),
  },
  invitation: {
    ja: ({ url, networkName, name, expiresAt }) => ({
      subject: `${networkName} アルムナイネットワークへのご招待`,
      text: `${name ? `${name} 様\n\n` : ""}${networkName} のアルムナイネットワークにご招待します。\n以下のリンクから参加手続きを行ってください（在籍確認は不要です）。\n\n${url}\n\nこのリンクは1回のみ有効で、${expiresAt} まで使えます。`,
    }),
    en: ({ url, networkName, name, expiresAt }) => ({
      subject: `Invitation to the ${networkName} alumni network`,
      text: `${name ? `Dear ${name},\n\n` : ""}You are invited to join the ${networkName} alumni network.\nJoin with the link below (no further verification is needed).\n\n${url}\n\nThe link can be used once, until ${expiresAt}.`,
    }),
  },
  registrationReceived: {
    ja: ({ networkName }) => ({
      subject: `${networkName} アルムナイネットワーク：登録申請を受け付けました`,
      text: `${networkName} アルムナイネットワークへの登録申請を受け付けました。\n運営事務局で在籍確認を行い、結果をメールでお知らせします。`,
    }),
    en: ({ networkName }) => ({
      subject: `${networkName} alumni network: registration received`,
      text: `We received your registration to the ${networkName} alumni network.\nThe operators will verify your employment and tell you the result by email.`,
    }),
  },
  registrationApproved: {
    ja: ({ networkName, url }) => ({
      subject: `${networkName} アルムナイネットワーク：登録が承認されました`,
      text: `${networkName} アルムナイネットワークへの登録が承認されました。\n以下からログインしてください。\n\n${url}`,
    }),
    en: ({ networkName, url }) => ({
      subject: `${networkName} alumni network: you are in`,
      text: `Your registration to the ${networkName} alumni network was approved.\nSign in here:\n\n${url}`,
    }),
  },
  registrationRejected: {
    ja: ({ networkName }) => ({
      subject: `${networkName} アルムナイネットワーク：登録申請について`,
      text: `${networkName} アルムナイネットワークへの登録申請について、現時点では登録を完了できませんでした。\nお心当たりのある場合は、${networkName} の人事担当までお問い合わせください。`,
    }),
    en: ({ networkName }) => ({
      subject: `${networkName} alumni network: about your registration`,
      text: `We could not complete your registration to the ${networkName} alumni network at this time.\nIf you think this is a mistake, please contact ${networkName}'s HR department.`,
    }),
  },
  registrationInYourName: {
    ja: (p) => ({
      subject: `${p.networkName} アルムナイネットワーク：あなたの名前でアカウントが登録されました / An account was registered in your name`,
      text: `${inYourName.ja(p)}\n\n----- English -----\n\n${inYourName.en(p)}`,
    }),
    en: (p) => ({
      subject: `${p.networkName} alumni network: an account was registered in your name / あなたの名前でアカウントが登録されました`,
      text: `${inYourName.en(p)}\n\n----- 日本語 -----\n\n${inYourName.ja(p)}`,
    }),
  },
};

function escapeHtml(s: string) {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/**
 * A value a person typed (a name, a network name) as inert HTML: escaped, and with the ":" and
 * "." of anything URL-like split into their own elements, so neither our markup nor a mail
 * client's autolinker turns "山田 https://evil.example" into a link.
 */
function inertHtml(s: string) {
  return escapeHtml(s).replace(/[:.@/]/g, (c) => `<span>${c}</span>`);
}

// Each parameter is first rendered as a placeholder (private-use characters no template has),
// so the HTML part knows which text came from whom: only `url`, which we built, becomes a link.
const PH_OPEN = "\ue000";
const PH_CLOSE = "\ue001";
const PLACEHOLDER = /\ue000(\w+)\ue001/g;

function placeholders<P extends object>(params: P): P {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === "string" && v ? `${PH_OPEN}${k}${PH_CLOSE}` : v]),
  ) as P;
}

export function renderMail<K extends TemplateName>(name: K, locale: Locale, params: MailTemplates[K]) {
  const r = renderers[name][locale](params);
  const text = r.text + footerOf(name)[locale];
  const values = params as Record<string, unknown>;
  const skeleton = renderers[name][locale](placeholders(params)).text + footerOf(name)[locale];
  const body = escapeHtml(skeleton)
    .replace(PLACEHOLDER, (_, key: string) => {
      const v = String(values[key]);
      return key === "url" ? `<a href="${escapeHtml(v)}">${escapeHtml(v)}</a>` : inertHtml(v);
    })
    .replace(/\n/g, "<br>");
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.7">${body}</body></html>`;
  return { subject: r.subject, text, html };
}
