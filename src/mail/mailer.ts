// Sends mail through SMTP (SMTP_URL) or, by default, writes .eml files into DATA_DIR/mail
// and logs the links, so every flow can be finished without a mail server.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Tx } from "../db/client.ts";
import type { JobQueue } from "../jobs/queue.ts";
import {
  type Locale,
  type MailBrand,
  type MailTemplates,
  renderMail,
  type TemplateName,
} from "./templates.ts";

export type OutgoingMail = {
  to: string;
  /** The sender as it appears: the network's name when the mail is about a network. */
  from?: string;
  subject: string;
  text: string;
  html: string;
  messageId?: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /** The message as sent (RFC 5322), when the mailer writes files instead of using SMTP: tests parse it. */
  raw?: Buffer;
};
/**
 * A file sent with the mail (an event's .ics, a ticket's QR code). `cid`: shown inline in the HTML
 * part (`<img src="cid:…">`). Content as base64, so a queued job stays JSON.
 */
export type MailAttachment = { filename: string; contentType: string; base64: string; cid?: string };
/** `key` identifies the message: its Message-ID, so a retried job never makes a second distinct email. */
export type MailJob = {
  to: string;
  template: TemplateName;
  locale: Locale;
  params: any;
  key?: string;
  /** The network the mail is about: its logo and accent colour head the HTML part. */
  networkId?: string;
  /** Extra headers (List-Unsubscribe and List-Unsubscribe-Post on notification mails: RFC 8058). */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
};

export type EnqueueOptions = {
  /** Queue the mail in this transaction (it goes if and only if the write commits). */
  tx?: Tx;
  /** What the mail is about, unique per message (e.g. "invitation:<id>"); random when omitted. */
  key?: string;
  /** The network it comes from (its brand is looked up when the mail is sent). */
  networkId?: string;
  /** Seconds the mail waits before it is sent: until then `withdraw` can take it back. */
  startAfter?: number;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
};

type Logger = { info: (o: object, msg: string) => void };

export type Mailer = {
  /** Queues an email (sent by the job worker with retries). */
  enqueue: <K extends TemplateName>(
    to: string,
    template: K,
    locale: Locale,
    params: MailTemplates[K],
    opts?: EnqueueOptions,
  ) => Promise<void>;
  /** Queues many emails in one statement (in `opts.tx` when given): the fan-out of an announcement. */
  enqueueMany: <K extends TemplateName>(
    mails: {
      to: string;
      template: K;
      locale: Locale;
      params: MailTemplates[K];
      key: string;
      networkId?: string;
      headers?: Record<string, string>;
    }[],
    opts?: { tx?: Tx },
  ) => Promise<void>;
  /** Takes back the mail queued with `key` in `tx` if it is still waiting; false when it went (or is going). */
  withdraw: (key: string, opts: { tx: Tx }) => Promise<boolean>;
  /** Sends at once (used by the job handler). */
  deliver: (job: MailJob) => Promise<void>;
  /** The mail as it would go out (sender as shown, subject, text), sending nothing: previews. */
  preview: <K extends TemplateName>(
    template: K,
    locale: Locale,
    params: MailTemplates[K],
  ) => { from: string; subject: string; text: string };
  /** Every mail delivered by this process (the last 500), newest last: for tests and dev tools. */
  sent: OutgoingMail[];
};

export function createMailer(opts: {
  smtpUrl?: string;
  from: string;
  outboxDir: string;
  jobs: JobQueue;
  log: Logger;
  /** A network's logo (absolute URL) and accent colour, when it chose them. */
  brandOf?: (networkId: string) => Promise<MailBrand | null>;
}): Mailer {
  const transport = opts.smtpUrl
    ? nodemailer.createTransport(pooled(opts.smtpUrl))
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  // A network's brand, read once a minute at most (a fan-out sends thousands of mails of one
  // network): a new logo or colour shows in mails within a minute.
  const brands = new Map<string, { at: number; brand: Promise<MailBrand | null> }>();
  const brandOf = (networkId: string) => {
    const hit = brands.get(networkId);
    if (hit && Date.now() - hit.at < 60_000) return hit.brand;
    const brand = opts.brandOf ? opts.brandOf(networkId) : Promise.resolve(null);
    brand.catch(() => brands.delete(networkId));
    if (brands.size > 1000) brands.clear();
    brands.set(networkId, { at: Date.now(), brand });
    return brand;
  };
  const sent: OutgoingMail[] = [];

  const domain = /@([^>\s]+)/.exec(opts.from)?.[1] ?? "tsunagari.local";
  const address = /<([^>]+)>/.exec(opts.from)?.[1] ?? opts.from.trim();
  // A mail about a network comes from that network by name (「株式会社サンプル アルムナイネットワーク」),
  // not from the software: people recognise their former employer, not "Tsunagari".
  const senderOf = (job: MailJob) => {
    const networkName = (job.params as { networkName?: unknown } | undefined)?.networkName;
    if (typeof networkName !== "string" || !networkName) return opts.from;
    const name =
      job.locale === "en" ? `${networkName} Alumni Network` : `${networkName} アルムナイネットワーク`;
    return { name, address };
  };
  const preview: Mailer["preview"] = (template, locale, params) => {
    const from = senderOf({ to: "", template, locale, params });
    const { subject, text } = renderMail(template, locale, params);
    return { from: typeof from === "string" ? from : `${from.name} <${from.address}>`, subject, text };
  };
  const deliver = async (job: MailJob) => {
    const brand = job.networkId ? await brandOf(job.networkId) : null;
    const mail = { to: job.to, ...renderMail(job.template, job.locale, job.params, brand) };
    const key = job.key ?? randomUUID();
    const digest = createHash("sha256").update(key).digest("hex").slice(0, 24);
    const messageId = `<${digest}@${domain}>`;
    const from = senderOf(job);
    const attachments = job.attachments?.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.base64, "base64"),
      ...(a.cid ? { cid: a.cid, contentDisposition: "inline" as const } : {}),
    }));
    const info = await transport.sendMail({
      from,
      messageId,
      ...mail,
      ...(job.headers ? { headers: job.headers } : {}),
      ...(attachments?.length ? { attachments } : {}),
    });
    if (!opts.smtpUrl) {
      fs.mkdirSync(opts.outboxDir, { recursive: true });
      const safe = job.to.replace(/[^a-zA-Z0-9@._-]/g, "_");
      const file = path.join(
        opts.outboxDir,
        // Named by the message: a retried job rewrites the same file instead of adding a second one.
        `${job.template}-${safe}-${digest}.eml`,
      );
      fs.writeFileSync(file, (info as any).message as Buffer);
      const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
      opts.log.info({ to: job.to, template: job.template, file, links }, "mail written to outbox");
    } else {
      opts.log.info({ to: job.to, template: job.template }, "mail sent");
    }
    sent.push({
      ...mail,
      ...(job.headers ? { headers: job.headers } : {}),
      ...(job.attachments?.length ? { attachments: job.attachments } : {}),
      ...(!opts.smtpUrl ? { raw: (info as any).message as Buffer } : {}),
      from: typeof from === "string" ? from : `${from.name} <${from.address}>`,
      messageId,
    });
    if (sent.length > 500) sent.shift();
  };

  return {
    sent,
    deliver,
    preview,
    async enqueue(to, template, locale, params, o = {}) {
      const key = o.key ?? randomUUID();
      const job: MailJob = {
        to,
        template,
        locale,
        params,
        key,
        ...(o.networkId ? { networkId: o.networkId } : {}),
        ...(o.headers ? { headers: o.headers } : {}),
        ...(o.attachments?.length ? { attachments: o.attachments } : {}),
      };
      await opts.jobs.send<MailJob>("email.send", job, { tx: o.tx, key, startAfter: o.startAfter });
    },
    async enqueueMany(mails, o = {}) {
      await opts.jobs.sendMany<MailJob>(
        "email.send",
        mails.map((m) => ({
          key: m.key,
          data: {
            to: m.to,
            template: m.template,
            locale: m.locale,
            params: m.params,
            key: m.key,
            ...(m.networkId ? { networkId: m.networkId } : {}),
            ...(m.headers ? { headers: m.headers } : {}),
          },
        })),
        { tx: o.tx },
      );
    },
    withdraw: (key, o) => opts.jobs.withdraw("email.send", key, o),
  };
}

/**
 * SMTP through a pool of connections (20 unless the URL says otherwise, as many as the mail worker
 * sends at once; each kept for 1,000 messages): a connection per mail would cost a handshake each,
 * and a fan-out sends thousands.
 */
function pooled(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
    if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", "20");
    if (!url.searchParams.has("maxMessages")) url.searchParams.set("maxMessages", "1000");
    return url.toString();
  } catch {
    return smtpUrl;
  }
}
