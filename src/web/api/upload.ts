// Multipart upload with progress: XMLHttpRequest, because fetch reports no upload progress. The path
// and its parameters are typed from schema.d.ts like every other call.
import i18n from "i18next";
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { ApiError, type paths, type ResponseOf, toApiError } from "./client.ts";

type PostPath = {
  [P in keyof paths]: paths[P] extends { post: { parameters: unknown } } ? P : never;
}[keyof paths];
type ParamsOf<P extends PostPath> = paths[P]["post"] extends { parameters: infer T } ? T : never;

export function upload<P extends PostPath>(
  path: P,
  params: ParamsOf<P>,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<ResponseOf<P, "post">> {
  const url = createFinalURL(path, {
    baseUrl: "",
    params: params as { path?: Record<string, unknown>; query?: Record<string, unknown> },
    querySerializer: createQuerySerializer(),
    pathSerializer: defaultPathSerializer,
  });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ResponseOf<P, "post">);
      else reject(toApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", i18n.t("errors.network", { ns: "common" })));
    xhr.send(form);
  });
}
