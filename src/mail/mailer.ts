// Sends mail through SMTP (SMTP_URL) or, by default, writes .eml files into DATA_DIR/mail
// and logs the links, so every flow can be finished without a mail server.
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { JobQueue } from "../jobs/queue.ts";
import { type Locale, type MailTemplates, renderMail, type TemplateName } from "./templates.ts";

export type OutgoingMail = { to: string; subject: string; text: string; html: string };
export type MailJob = { to: string; template: TemplateName; locale: Locale; params: any };

type Logger = { info: (o: object, msg: string) => void };

export type Mailer = {
  /** Queues an email (sent by the job worker with retries). */
  enqueue: <K extends TemplateName>(
    to: string,
    template: K,
    locale: Locale,
    params: MailTemplates[K],
  ) => Promise<void>;
  /** Sends at once (used by the job handler). */
  deliver: (job: MailJob) => Promise<void>;
  /** Every mail delivered by this process (the last 500), newest last: for tests and dev tools. */
  sent: OutgoingMail[];
};

export function createMailer(opts: {
  smtpUrl?: string;
  from: string;
  outboxDir: string;
  jobs: JobQueue;
  log: Logger;
}): Mailer {
  const transport = opts.smtpUrl
    ? nodemailer.createTransport(opts.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const sent: OutgoingMail[] = [];

  const deliver = async (job: MailJob) => {
    const mail = { to: job.to, ...renderMail(job.template, job.locale, job.params) };
    const info = await transport.sendMail({ from: opts.from, ...mail });
    if (!opts.smtpUrl) {
      fs.mkdirSync(opts.outboxDir, { recursive: true });
      const safe = job.to.replace(/[^a-zA-Z0-9@._-]/g, "_");
      const file = path.join(
        opts.outboxDir,
        `${new Date().toISOString().replace(/[:.]/g, "-")}-${job.template}-${safe}.eml`,
      );
      fs.writeFileSync(file, (info as any).message as Buffer);
      const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
      opts.log.info({ to: job.to, template: job.template, file, links }, "mail written to outbox");
    } else {
      opts.log.info({ to: job.to, template: job.template }, "mail sent");
    }
    sent.push(mail);
    if (sent.length > 500) sent.shift();
  };

  return {
    sent,
    deliver,
    async enqueue(to, template, locale, params) {
      await opts.jobs.send<MailJob>("email.send", { to, template, locale, params });
    },
  };
}
