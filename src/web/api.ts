// JSON over fetch, with the server's error shape turned into an Error whose message is in the
// UI language.
import i18n from "i18next";

export type ApiErrorBody = {
  error?: { code: string; message: string; messages?: { ja: string; en: string }; details?: any };
  code?: string;
  message?: string;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: any,
  ) {
    super(message);
  }
}

async function toError(res: Response): Promise<ApiError> {
  let body: ApiErrorBody = {};
  try {
    body = await res.json();
  } catch {}
  const lang = i18n.language === "en" ? "en" : "ja";
  if (body.error) {
    return new ApiError(
      res.status,
      body.error.code,
      body.error.messages?.[lang] ?? body.error.message,
      body.error.details,
    );
  }
  // better-auth's own errors: { code, message }
  const code = body.code ?? `HTTP_${res.status}`;
  const known = i18n.t(`authErrors.${code}`, { ns: "common", defaultValue: "" });
  return new ApiError(res.status, code, known || body.message || i18n.t("errors.generic", { ns: "common" }));
}

export async function api<T = any>(
  path: string,
  opts: { method?: string; body?: unknown; form?: FormData } = {},
): Promise<T> {
  const res = await fetch(path, {
    method: opts.method ?? (opts.body !== undefined || opts.form ? "POST" : "GET"),
    credentials: "same-origin",
    headers: opts.body !== undefined ? { "content-type": "application/json" } : undefined,
    body: opts.form ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  });
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Upload with progress (XMLHttpRequest: fetch has no upload progress). */
export function upload<T = any>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = async () => {
      const res = new Response(xhr.responseText, { status: xhr.status });
      if (xhr.status >= 200 && xhr.status < 300)
        resolve(xhr.responseText ? JSON.parse(xhr.responseText) : undefined);
      else reject(await toError(res));
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", i18n.t("errors.network", { ns: "common" })));
    xhr.send(form);
  });
}
