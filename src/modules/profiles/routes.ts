// Profiles: one's own (edit, photo) and other members' (only what their owner lets the viewer see).
import fs from "node:fs";
import type { z } from "zod";
import { access, memberScopeOf } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { errors } from "../../shared/errors.ts";
import { uploadedImage } from "./photo.ts";
import { profilesPolicy } from "./policy.ts";
import { presentOwnProfile, presentProfileFor } from "./presenter.ts";
import { ownProfileOut, profileInput, profileViewOut, slugParams, userParams } from "./schemas.ts";
import {
  deleteOwnPhoto,
  ownProfile,
  replaceOwnProfile,
  setOwnPhoto,
  viewProfile,
  visiblePhoto,
} from "./service.ts";

const tags = ["profiles"];

export default async function profilesRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/profiles/me",
    {
      config: { access: access.member(profilesPolicy.own) },
      schema: {
        tags,
        summary: "My profile in this network, with the visibility of each field",
        params: slugParams,
        response: { 200: ownProfileOut },
      },
    },
    async (req) => {
      const scope = memberScopeOf(req);
      return presentOwnProfile(scope.network.slug, await ownProfile(scope));
    },
  );

  app.put(
    "/n/:slug/profiles/me",
    {
      config: { access: access.member(profilesPolicy.own) },
      schema: {
        tags,
        summary: "Replace my profile (every field; visibilities not given return to their defaults)",
        params: slugParams,
        body: profileInput,
        response: { 200: ownProfileOut },
      },
    },
    async (req) => {
      const scope = memberScopeOf(req);
      return presentOwnProfile(scope.network.slug, await replaceOwnProfile(scope, req.body));
    },
  );

  app.post(
    "/n/:slug/profiles/me/photo",
    {
      config: { access: access.member(profilesPolicy.own) },
      schema: {
        tags,
        summary:
          "Upload my photo (multipart field `file`: JPEG, PNG or WebP, at most 2 MB; metadata such as Exif GPS is removed)",
        consumes: ["multipart/form-data"],
        params: slugParams,
        response: { 200: ownProfileOut },
      },
    },
    async (req) => {
      const scope = memberScopeOf(req);
      return presentOwnProfile(scope.network.slug, await setOwnPhoto(scope, await uploadedImage(req)));
    },
  );

  app.delete(
    "/n/:slug/profiles/me/photo",
    {
      config: { access: access.member(profilesPolicy.own) },
      schema: {
        tags,
        summary: "Remove my photo",
        params: slugParams,
        response: { 200: ownProfileOut },
      },
    },
    async (req) => {
      const scope = memberScopeOf(req);
      return presentOwnProfile(scope.network.slug, await deleteOwnPhoto(scope));
    },
  );

  app.get(
    "/n/:slug/profiles/:userId",
    {
      config: { access: access.member(profilesPolicy.view) },
      schema: {
        tags,
        summary:
          "A member's profile: only the fields its owner lets this viewer see (hidden fields are absent)",
        params: userParams,
        response: { 200: profileViewOut },
      },
    },
    async (req) => {
      const scope = memberScopeOf(req);
      const { row, kind } = await viewProfile(scope, req.params.userId);
      return presentProfileFor(scope.network.slug, row, kind) as z.infer<typeof profileViewOut>;
    },
  );

  app.get(
    "/n/:slug/profiles/:userId/photo",
    {
      config: { access: access.member(profilesPolicy.view) },
      schema: {
        tags,
        summary: "A member's photo, if its owner lets this viewer see it",
        params: userParams,
      },
    },
    async (req, reply) => {
      const scope = memberScopeOf(req);
      const file = await visiblePhoto(scope, req.params.userId);
      const stat = await fs.promises.stat(file.abs).catch(() => null);
      if (!stat?.isFile()) throw errors.notFound({ ja: "写真", en: "photo" });
      return reply
        .header("cache-control", "private, max-age=300")
        .header("content-length", stat.size)
        .type(file.mime)
        .send(fs.createReadStream(file.abs));
    },
  );
}
