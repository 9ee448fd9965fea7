// Downloads a file the API makes (CSV exports) with the session cookie, as the file the server
// names: fetched first, so that a refusal (403, 422 ROSTER_EXPORT_NOT_SHIFT_JIS…) is an ApiError
// the page shows, not a file holding an error. The path and its parameters are typed from
// schema.d.ts like every other call.
import i18n from "i18next";
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { ApiError, type paths, toApiError } from "./client.ts";

type GetPath = {
  [P in keyof paths]: paths[P] extends { get: { parameters: unknown } } ? P : never;
}[keyof paths];
type ParamsOf<P extends GetPath> = paths[P]["get"] extends { parameters: infer T } ? T : never;

export async function download<P extends GetPath>(path: P, params: ParamsOf<P>): Promise<void> {
  const url = createFinalURL(path, {
    baseUrl: "",
    params: params as { path?: Record<string, unknown>; query?: Record<string, unknown> },
    querySerializer: createQuerySerializer(),
    pathSerializer: defaultPathSerializer,
  });
  let res: Response;
  try {
    res = await fetch(url, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("errors.network", { ns: "common" }));
  }
  if (!res.ok) {
    const body = await res.json().catch(() => undefined);
    throw toApiError(res.status, body);
  }
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "download";
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
