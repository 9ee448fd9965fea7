// Which browser origins may send state-changing requests: BASE_URL's origin, and on a loopback
// address all three spellings of it (localhost, 127.0.0.1, [::1]), since a person opening
// http://127.0.0.1:3000 while BASE_URL defaults to http://localhost:3000 is the same machine.
import type { Messages } from "../shared/errors.ts";

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];

export function trustedOrigins(baseUrl: string): string[] {
  const u = new URL(baseUrl);
  if (!LOOPBACK.includes(u.hostname)) return [u.origin];
  const port = u.port ? `:${u.port}` : "";
  return LOOPBACK.map((h) => `${u.protocol}//${h}${port}`);
}

/** Says which origin was refused and what to do: open BASE_URL, or set BASE_URL. */
export function originRefusedMessages(origin: string | undefined, baseUrl: string): Messages {
  const shown = origin && origin !== "null" ? origin : undefined;
  return {
    ja: shown
      ? `送信元 ${shown} からのリクエストは受け付けていません。${baseUrl} を開いて操作するか、このアドレスで運用する場合はサーバーの BASE_URL を ${shown} に設定してください。`
      : `送信元（Origin ヘッダー）のないリクエストは受け付けていません。${baseUrl} を開いて操作してください（別のアドレスで運用する場合はサーバーの BASE_URL を設定してください）。`,
    en: shown
      ? `Requests from ${shown} are not accepted. Open ${baseUrl}, or if the site is served at this address, set the server's BASE_URL to ${shown}.`
      : `Requests without an Origin header are not accepted. Open ${baseUrl} (if the site is served at another address, set the server's BASE_URL to it).`,
  };
}
