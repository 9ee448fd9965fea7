// Every email in Japanese and English. Plain text first (it is what reaches everyone),
// with a minimal HTML part carrying the same words and the link. Values people typed (names)
// are plain text in both parts: escaped, and never a link in the HTML part.
import { readableOn, WHITE } from "../shared/contrast.ts";

export type Locale = "ja" | "en";

/** Who a mail is about: the network it comes from and the person it greets, when known. */
type About = { networkName?: string | null; name?: string | null };

export type MailTemplates = {
  verifyEmail: { url: string } & About;
  magicLink: { url: string } & About;
  resetPassword: { url: string } & About;
  /** `message`: the operators' own words, shown as written above the link. */
  invitation: {
    url: string;
    networkName: string;
    name?: string | null;
    expiresAt: string;
    message?: string | null;
  };
  invitationReminder: {
    url: string;
    networkName: string;
    name?: string | null;
    expiresAt: string;
    message?: string | null;
  };
  registrationReceived: { networkName: string; name?: string | null };
  registrationApproved: { networkName: string; url: string; name?: string | null };
  registrationRejected: { networkName: string; name?: string | null };
  /** To the roster address of the person a registration names (`name`); `accountName` the registrant's. */
  registrationInYourName: { networkName: string; name: string; accountName: string; approved: boolean };
  /**
   * One notification by email now. `headline` says what happened (「青木 愛 さんがあなたの投稿にコメントしました」),
   * `excerpt` what was written; `preferencesUrl` leads to the member's choices.
   */
  notification: {
    networkName: string;
    name?: string | null;
    headline: string;
    excerpt: string;
    url: string;
    preferencesUrl: string;
  };
  /** The daily digest: `summary` lists what is unread, one line each. */
  notificationDigest: {
    networkName: string;
    name?: string | null;
    count: number;
    summary: string;
    url: string;
    preferencesUrl: string;
  };
  /** To the member: the operators answered their inquiry (`subject`); the answer is read on the site. */
  inquiryReplied: { networkName: string; name?: string | null; subject: string; url: string };
  /** To an operator: a member (`memberName`) opened an inquiry. */
  inquiryOpened: {
    networkName: string;
    name?: string | null;
    memberName: string;
    subject: string;
    url: string;
  };
  /**
   * To a member whose seat is confirmed (at RSVP, approved, from the waitlist, an offered seat
   * taken): the event, her party and her check-in code, shown in the HTML part as the QR image
   * attached with `cid:` TICKET_QR_CID; the .ics goes along as a file. `when` is in Japan time;
   * empty strings leave a line out (no venue for an online event).
   */
  eventTicket: {
    networkName: string;
    name?: string | null;
    reason: "registered" | "promoted" | "approved" | "accepted";
    title: string;
    when: string;
    venue: string;
    mapUrl: string;
    onlineUrl: string;
    /** Seats: she and her guests. */
    party: number;
    url: string;
    ticketCode: string;
  };
};
export type TemplateName = keyof MailTemplates;

/** The Content-ID of the ticket's QR image (eventTicket's HTML part shows it). */
export const TICKET_QR_CID = "ticket-qr@tsunagari";

const ticketHeadline = {
  ja: (p: MailTemplates["eventTicket"]) =>
    p.reason === "promoted"
      ? `キャンセル待ちから参加確定になりました：「${p.title}」`
      : p.reason === "approved"
        ? `「${p.title}」への参加申し込みが承認され、参加が確定しました`
        : `「${p.title}」への参加が確定しました`,
  en: (p: MailTemplates["eventTicket"]) =>
    p.reason === "promoted"
      ? `A seat freed up: you are registered for "${p.title}"`
      : p.reason === "approved"
        ? `Your RSVP to "${p.title}" was approved: you are registered`
        : `You are registered for "${p.title}"`,
};

type Rendered = { subject: string; text: string };
type Renderers = { [K in TemplateName]: Record<Locale, (p: MailTemplates[K]) => Rendered> };

/** Names the network when the mail is about one: people recognise their former employer, not the software. */
const sentBy = (locale: Locale, networkName?: string | null) =>
  locale === "ja"
    ? networkName
      ? `このメールは ${networkName} アルムナイネットワーク（Tsunagari）から自動送信されています。`
      : "このメールは Tsunagari（アルムナイネットワーク）から自動送信されています。"
    : networkName
      ? `This email was sent automatically by the ${networkName} alumni network (Tsunagari).`
      : "This email was sent automatically by Tsunagari (alumni network).";
const IGNORE = {
  ja: "心当たりのない場合は破棄してください。",
  en: "If you did not expect it, you can ignore it.",
};
/** For the bilingual mail whose point is "if it was not you, tell someone": no "ignore it". */
function footerOf(name: TemplateName, locale: Locale, networkName?: string | null) {
  if (name === "registrationInYourName") {
    const other: Locale = locale === "ja" ? "en" : "ja";
    return `\n\n--\n${sentBy(locale, networkName)}\n${sentBy(other, networkName)}`;
  }
  return `\n\n--\n${sentBy(locale, networkName)}${locale === "ja" ? "" : " "}${IGNORE[locale]}`;
}

/** 「山田 花子 様」 / "Dear Hanako Yamada," when the name is known. */
const greet = (locale: Locale, name?: string | null) =>
  name ? (locale === "ja" ? `${name} 様\n\n` : `Dear ${name},\n\n`) : "";
/** "株式会社サンプル アルムナイネットワーク：" before a subject, when the mail is about a network. */
const subjectOf = (locale: Locale, networkName: string | null | undefined, subject: string) =>
  networkName
    ? locale === "ja"
      ? `${networkName} アルムナイネットワーク：${subject}`
      : `${networkName} alumni network: ${subject}`
    : subject.charAt(0).toUpperCase() + subject.slice(1);
/** The operators' own message, set apart from ours. */
const personal = (locale: Locale, message?: string | null) =>
  message
    ? `${locale === "ja" ? "運営事務局からのメッセージ" : "A message from the operators"}:\n${message}\n\n`
    : "";

/**
 * To the address the roster has (its language is unknown, so both languages, the locale's first):
 * an account was registered in this person's name.
 */
const inYourName = {
  ja: ({ networkName, name, accountName, approved }: MailTemplates["registrationInYourName"]) =>
    `${name} 様\n\n${networkName} アルムナイネットワークで、名簿にあるあなたのお名前（${name}）でアカウントが登録されました（アカウント名：${accountName}）。\n${
      approved
        ? "名簿と一致したため、メンバーとして承認されています。"
        : "運営事務局が在籍確認を行っています。"
    }\n\nご本人による登録であれば、対応は不要です。\nお心当たりのない場合は、${networkName} の人事担当（アルムナイネットワークの運営事務局）までご連絡ください。`,
  en: ({ networkName, name, accountName, approved }: MailTemplates["registrationInYourName"]) =>
    `Dear ${name},\n\nAn account was registered in your name as on the roster (${name}) in the ${networkName} alumni network (account name: ${accountName}).\n${
      approved
        ? "It matched the roster and was admitted as a member."
        : "The operators are verifying the registration."
    }\n\nIf you registered yourself, there is nothing to do.\nIf it was not you, please contact ${networkName}'s HR department (the alumni network's operators).`,
};

const invitationText = {
  ja: (p: MailTemplates["invitation"], reminder: boolean) =>
    `${greet("ja", p.name)}${
      reminder
        ? `先日お送りした ${p.networkName} アルムナイネットワークへのご招待について、念のため再度ご案内します。`
        : `${p.networkName} のアルムナイネットワークにご招待します。`
    }\n退職された方どうしや会社とのつながりを保つ、${p.networkName} の元社員だけが参加できる場です。\n\n${personal("ja", p.message)}以下のリンクから参加手続きを行ってください（在籍確認は不要です）。\n\n${p.url}\n\nこのリンクは1回のみ有効で、${p.expiresAt} まで使えます。${
      reminder ? "\n先日のメールのリンクは使えなくなりましたので、こちらのリンクをお使いください。" : ""
    }`,
  en: (p: MailTemplates["invitation"], reminder: boolean) =>
    `${greet("en", p.name)}${
      reminder
        ? `A reminder of your invitation to the ${p.networkName} alumni network.`
        : `You are invited to join the ${p.networkName} alumni network.`
    }\nIt is a private network for former employees of ${p.networkName}, to stay in touch with each other and with the company.\n\n${personal("en", p.message)}Join with the link below (no further verification is needed).\n\n${p.url}\n\nThe link can be used once, until ${p.expiresAt}.${
      reminder ? "\nThe link in our earlier email no longer works: please use this one." : ""
    }`,
};

const renderers: Renderers = {
  verifyEmail: {
    // Sent at sign-up, before any registration: it must not say that one is complete.
    ja: ({ url, name, networkName }) => ({
      subject: subjectOf("ja", networkName, "メールアドレスの確認"),
      text: `${greet("ja", name)}${networkName ? `${networkName} アルムナイネットワーク` : "アルムナイネットワーク（Tsunagari）"}のアカウント作成を受け付けました。\n以下のリンクを開いてメールアドレスを確認してください（有効期限24時間）。\n\n${url}\n\n${
        networkName
          ? "登録はまだ完了していません。メールアドレスの確認後に登録申請の画面へ進み、会社の名簿との照合（在籍確認）が済むとネットワークに参加できます。"
          : "メールアドレスの確認後、ログインできるようになります。"
      }`,
    }),
    en: ({ url, name, networkName }) => ({
      subject: subjectOf("en", networkName, "verify your email address"),
      text: `${greet("en", name)}We received your new account for ${networkName ? `the ${networkName} alumni network` : "Tsunagari (alumni network)"}.\nOpen the link below to verify your email address (valid for 24 hours).\n\n${url}\n\n${
        networkName
          ? "You have not joined yet: after verifying, continue to the registration form; once the operators have matched you with the company's roster (employment verification), you are in."
          : "After verifying, you can sign in."
      }`,
    }),
  },
  magicLink: {
    ja: ({ url, name, networkName }) => ({
      subject: subjectOf("ja", networkName, "ログイン用リンク"),
      text: `${greet("ja", name)}以下のリンクを開くとログインできます（有効期限15分、1回のみ有効）。\n\n${url}`,
    }),
    en: ({ url, name, networkName }) => ({
      subject: subjectOf("en", networkName, "your sign-in link"),
      text: `${greet("en", name)}Open the link below to sign in (valid for 15 minutes, once).\n\n${url}`,
    }),
  },
  resetPassword: {
    ja: ({ url, name, networkName }) => ({
      subject: subjectOf("ja", networkName, "パスワードの再設定"),
      text: `${greet("ja", name)}パスワード再設定のリクエストを受け付けました。以下のリンクから新しいパスワードを設定してください（有効期限1時間）。\n\n${url}\n\nお心当たりのない場合は、このメールを破棄してください。パスワードは変わりません。`,
    }),
    en: ({ url, name, networkName }) => ({
      subject: subjectOf("en", networkName, "reset your password"),
      text: `${greet("en", name)}We received a request to reset your password. Set a new password with the link below (valid for 1 hour).\n\n${url}\n\nIf you did not ask for this, ignore this email: your password stays as it is.`,
    }),
  },
  invitation: {
    ja: (p) => ({ subject: subjectOf("ja", p.networkName, "ご招待"), text: invitationText.ja(p, false) }),
    en: (p) => ({
      subject: subjectOf("en", p.networkName, "your invitation"),
      text: invitationText.en(p, false),
    }),
  },
  invitationReminder: {
    ja: (p) => ({
      subject: subjectOf("ja", p.networkName, "ご招待のリマインド"),
      text: invitationText.ja(p, true),
    }),
    en: (p) => ({
      subject: subjectOf("en", p.networkName, "a reminder of your invitation"),
      text: invitationText.en(p, true),
    }),
  },
  registrationReceived: {
    ja: ({ networkName, name }) => ({
      subject: subjectOf("ja", networkName, "登録申請を受け付けました"),
      text: `${greet("ja", name)}${networkName} アルムナイネットワークへの登録申請を受け付けました。\n運営事務局で在籍確認を行い、結果をメールでお知らせします。確認が済むまで、ネットワークにはまだ参加できません。`,
    }),
    en: ({ networkName, name }) => ({
      subject: subjectOf("en", networkName, "registration received"),
      text: `${greet("en", name)}We received your registration to the ${networkName} alumni network.\nThe operators will verify your employment and tell you the result by email. Until then you cannot enter the network yet.`,
    }),
  },
  registrationApproved: {
    ja: ({ networkName, url, name }) => ({
      subject: subjectOf("ja", networkName, "登録が承認されました"),
      text: `${greet("ja", name)}${networkName} アルムナイネットワークへの登録が承認されました。\n以下からログインしてください。\n\n${url}`,
    }),
    en: ({ networkName, url, name }) => ({
      subject: subjectOf("en", networkName, "you are in"),
      text: `${greet("en", name)}Your registration to the ${networkName} alumni network was approved.\nSign in here:\n\n${url}`,
    }),
  },
  registrationRejected: {
    ja: ({ networkName, name }) => ({
      subject: subjectOf("ja", networkName, "登録申請について"),
      text: `${greet("ja", name)}${networkName} アルムナイネットワークへの登録申請について、現時点では登録を完了できませんでした。\nお心当たりのある場合は、${networkName} の人事担当までお問い合わせください。`,
    }),
    en: ({ networkName, name }) => ({
      subject: subjectOf("en", networkName, "about your registration"),
      text: `${greet("en", name)}We could not complete your registration to the ${networkName} alumni network at this time.\nIf you think this is a mistake, please contact ${networkName}'s HR department.`,
    }),
  },
  notification: {
    ja: ({ networkName, name, headline, excerpt, url, preferencesUrl }) => ({
      subject: subjectOf("ja", networkName, headline),
      text: `${greet("ja", name)}${headline}\n\n${excerpt}\n\n続きはこちら:\n${url}\n\n通知の受け取り方の変更・配信停止:\n${preferencesUrl}`,
    }),
    en: ({ networkName, name, headline, excerpt, url, preferencesUrl }) => ({
      subject: subjectOf("en", networkName, headline),
      text: `${greet("en", name)}${headline}\n\n${excerpt}\n\nRead on:\n${url}\n\nChange how you are notified, or unsubscribe:\n${preferencesUrl}`,
    }),
  },
  notificationDigest: {
    ja: ({ networkName, name, count, summary, url, preferencesUrl }) => ({
      subject: subjectOf("ja", networkName, `未読のお知らせ ${count} 件`),
      text: `${greet("ja", name)}前回のまとめ以降、まだ読んでいないお知らせが ${count} 件あります。\n\n${summary}\n\nネットワークを開く:\n${url}\n\nまとめメールの時刻や受け取り方の変更・配信停止:\n${preferencesUrl}`,
    }),
    en: ({ networkName, name, count, summary, url, preferencesUrl }) => ({
      subject: subjectOf("en", networkName, `${count} unread notifications`),
      text: `${greet("en", name)}You have ${count} unread notifications since the last digest.\n\n${summary}\n\nOpen the network:\n${url}\n\nChange the digest's hour or how you are notified, or unsubscribe:\n${preferencesUrl}`,
    }),
  },
  inquiryReplied: {
    // The answer itself stays on the site (it may carry personal details): the mail says where.
    ja: ({ networkName, name, subject, url }) => ({
      subject: subjectOf("ja", networkName, "お問い合わせに回答がありました"),
      text: `${greet("ja", name)}お問い合わせ「${subject}」に運営事務局から回答がありました。\n以下のリンクからログインしてご確認ください。\n\n${url}`,
    }),
    en: ({ networkName, name, subject, url }) => ({
      subject: subjectOf("en", networkName, "your inquiry was answered"),
      text: `${greet("en", name)}The operators answered your inquiry “${subject}”.\nSign in with the link below to read the answer.\n\n${url}`,
    }),
  },
  inquiryOpened: {
    ja: ({ networkName, name, memberName, subject, url }) => ({
      subject: subjectOf("ja", networkName, "新しいお問い合わせ"),
      text: `${greet("ja", name)}${memberName} さんから新しいお問い合わせ「${subject}」が届きました。\n問い合わせ窓口で確認してください。\n\n${url}`,
    }),
    en: ({ networkName, name, memberName, subject, url }) => ({
      subject: subjectOf("en", networkName, "a new inquiry"),
      text: `${greet("en", name)}${memberName} opened a new inquiry “${subject}”.\nSee it in the inquiry desk.\n\n${url}`,
    }),
  },
  eventTicket: {
    ja: (p) => ({
      subject: subjectOf("ja", p.networkName, ticketHeadline.ja(p)),
      text: `${greet("ja", p.name)}${ticketHeadline.ja(p)}。\n\n■ イベント\n${p.title}\n\n■ 日時（日本時間）\n${p.when}${
        p.venue ? `\n\n■ 会場\n${p.venue}${p.mapUrl ? `\n地図: ${p.mapUrl}` : ""}` : ""
      }${p.onlineUrl ? `\n\n■ オンライン参加URL\n${p.onlineUrl}` : ""}\n\n■ 参加人数\n${p.party}名${
        p.party > 1 ? `（ご本人と同伴者${p.party - 1}名）` : ""
      }\n\n■ 受付用QRコード\n当日、受付でこのQRコード（またはイベントページのQRコード）をご提示ください。\n${p.ticketCode}\n\nカレンダーに登録できるファイル（.ics）を添付しています。\n\nイベントページ（キャンセル・変更はこちら）:\n${p.url}`,
    }),
    en: (p) => ({
      subject: subjectOf("en", p.networkName, ticketHeadline.en(p)),
      text: `${greet("en", p.name)}${ticketHeadline.en(p)}.\n\n■ Event\n${p.title}\n\n■ When (Japan time)\n${p.when}${
        p.venue ? `\n\n■ Where\n${p.venue}${p.mapUrl ? `\nMap: ${p.mapUrl}` : ""}` : ""
      }${p.onlineUrl ? `\n\n■ Join online\n${p.onlineUrl}` : ""}\n\n■ Party\n${
        p.party > 1 ? `${p.party} (you and ${p.party - 1} guest${p.party > 2 ? "s" : ""})` : "1 (you)"
      }\n\n■ Check-in QR code\nShow this QR code (or the one on the event page) at the reception.\n${p.ticketCode}\n\nA calendar file (.ics) is attached.\n\nThe event page (to cancel or change your RSVP):\n${p.url}`,
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
/** A value in an attribute: escaped (no markup can start there, and an alt text is never a link). */
const inertAttr = (s: string) => escapeHtml(s);

function inertHtml(s: string) {
  return escapeHtml(s).replace(/[:.@/]/g, (c) => `<span>${c}</span>`);
}

// Each parameter is first rendered as a placeholder (private-use characters no template has),
// so the HTML part knows which text came from whom: only `url`, which we built, becomes a link.
const PH_OPEN = "\ue000";
const PH_CLOSE = "\ue001";
const PLACEHOLDER = /\ue000(\w+)\ue001/g;

/** Parameters that choose the wording (never shown as they are): kept as they are in the skeleton. */
const CHOICES = new Set(["reason"]);

function placeholders<P extends object>(params: P): P {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === "string" && v && !CHOICES.has(k) ? `${PH_OPEN}${k}${PH_CLOSE}` : v,
    ]),
  ) as P;
}

/** A network's look in its mails: logo (an absolute URL) and accent colour (#rrggbb). */
export type MailBrand = { logoUrl?: string | null; accentColor?: string | null };

const HEX = /^#[0-9a-f]{6}$/i;

export function renderMail<K extends TemplateName>(
  name: K,
  locale: Locale,
  params: MailTemplates[K],
  brand?: MailBrand | null,
) {
  const r = renderers[name][locale](params);
  const values = params as Record<string, unknown>;
  const networkName = typeof values.networkName === "string" ? values.networkName : null;
  const accent = brand?.accentColor && HEX.test(brand.accentColor) ? brand.accentColor : null;
  // Links in the accent, darkened as much as needed to read on the white mail (a yellow would not).
  const linkColour = accent ? readableOn(accent, WHITE) : null;
  const text = r.text + footerOf(name, locale, networkName);
  const ph = placeholders(params);
  const skeleton =
    renderers[name][locale](ph).text +
    footerOf(name, locale, (ph as Record<string, unknown>).networkName as string | null);
  const body = escapeHtml(skeleton)
    .replace(PLACEHOLDER, (_, key: string) => {
      const v = String(values[key]);
      // The check-in code: its QR image (attached inline) over the code as text.
      if (key === "ticketCode")
        return `<img src="cid:${TICKET_QR_CID}" alt="QR" width="220" height="220" style="display:block;margin:8px 0"><code style="font-size:12px;word-break:break-all">${escapeHtml(v)}</code>`;
      // Only URLs we built become links (`url`, `preferencesUrl`…); what people typed never does.
      return key === "url" || key.endsWith("Url")
        ? `<a href="${escapeHtml(v)}"${linkColour ? ` style="color:${linkColour}"` : ""}>${escapeHtml(v)}</a>`
        : inertHtml(v);
    })
    .replace(/\n/g, "<br>");
  // The network's brand heads the mail: its logo (many clients show it only on request, so the
  // alt text names the network) over a bar in its accent colour.
  const header = brand?.logoUrl
    ? `<div style="margin-bottom:16px"><img src="${escapeHtml(brand.logoUrl)}" alt="${networkName ? inertAttr(networkName) : ""}" style="max-height:48px;max-width:240px"></div>`
    : "";
  const bar = accent ? `<div style="height:4px;background:${accent};margin-bottom:16px"></div>` : "";
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.7">${header}${bar}${body}</body></html>`;
  return { subject: r.subject, text, html };
}
