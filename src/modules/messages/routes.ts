import { access, memberScopeOf } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { messagesPolicy } from "./policy.ts";
import {
  canOut,
  conversationListOut,
  conversationOut,
  conversationParams,
  historyOut,
  historyQuery,
  listQuery,
  messageableOut,
  messageableQuery,
  messageOut,
  muteInput,
  readInput,
  sendInput,
  settingsInput,
  settingsOut,
  slugParams,
  startInput,
  startOut,
  unreadOut,
  userParams,
} from "./schemas.ts";
import {
  block,
  canMessage,
  changeSettings,
  getConversation,
  history,
  markConversationRead,
  messageable,
  muteConversation,
  myConversations,
  mySettings,
  myUnread,
  sendMessage,
  startConversation,
  unblock,
} from "./service.ts";

const tags = ["messages"];
const use = { access: access.member(messagesPolicy.use) };
const participate = { access: access.member(messagesPolicy.participate) };

export default async function messagesRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/messages",
    {
      config: use,
      schema: {
        tags,
        summary: "My conversations, the most recently active first, with unread counts",
        params: slugParams,
        querystring: listQuery,
        response: { 200: conversationListOut },
      },
    },
    async (req) => myConversations(memberScopeOf(req), req.query),
  );

  app.get(
    "/n/:slug/messages/unread",
    {
      config: use,
      schema: {
        tags,
        summary: "Unread direct messages in total (the badge)",
        params: slugParams,
        response: { 200: unreadOut },
      },
    },
    async (req) => myUnread(memberScopeOf(req)),
  );

  app.post(
    "/n/:slug/messages",
    {
      config: use,
      schema: {
        tags,
        summary:
          "Start a conversation with its first message (one person: the one-to-one, reopened when it exists; several: a group of at most 10)",
        params: slugParams,
        body: startInput,
        response: { 201: startOut },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return startConversation(memberScopeOf(req), req.body);
    },
  );

  app.get(
    "/n/:slug/messages/messageable",
    {
      config: use,
      schema: {
        tags,
        summary: "Which of these members I may message (メッセージを送る on directory cards), in one call",
        params: slugParams,
        querystring: messageableQuery,
        response: { 200: messageableOut },
      },
    },
    async (req) => ({ userIds: await messageable(memberScopeOf(req), req.query.userIds) }),
  );

  app.get(
    "/n/:slug/messages/can/:userId",
    {
      config: use,
      schema: {
        tags,
        summary: "Whether I may message this member (the メッセージを送る button), and our one-to-one if any",
        params: userParams,
        response: { 200: canOut },
      },
    },
    async (req) => canMessage(memberScopeOf(req), req.params.userId),
  );

  app.get(
    "/n/:slug/messages/settings",
    {
      config: use,
      schema: {
        tags,
        summary: "My message settings: refuse strangers, and whom I blocked",
        params: slugParams,
        response: { 200: settingsOut },
      },
    },
    async (req) => mySettings(memberScopeOf(req)),
  );

  app.put(
    "/n/:slug/messages/settings",
    {
      config: use,
      schema: {
        tags,
        summary: "Change my message settings (refuse messages from people I have not talked with)",
        params: slugParams,
        body: settingsInput,
        response: { 200: settingsOut },
      },
    },
    async (req) => changeSettings(memberScopeOf(req), req.body),
  );

  app.put(
    "/n/:slug/messages/blocks/:userId",
    {
      config: use,
      schema: {
        tags,
        summary: "Block a member: no one-to-one messages either way (they are told nothing)",
        params: userParams,
      },
    },
    async (req, reply) => {
      await block(memberScopeOf(req), req.params.userId);
      return reply.code(204).send();
    },
  );

  app.delete(
    "/n/:slug/messages/blocks/:userId",
    {
      config: use,
      schema: { tags, summary: "Unblock a member", params: userParams },
    },
    async (req, reply) => {
      await unblock(memberScopeOf(req), req.params.userId);
      return reply.code(204).send();
    },
  );

  app.get(
    "/n/:slug/messages/:id",
    {
      config: participate,
      schema: {
        tags,
        summary: "A conversation (participants only: 404 for anyone else)",
        params: conversationParams,
        response: { 200: conversationOut },
      },
    },
    async (req) => getConversation(memberScopeOf(req), req.params.id),
  );

  app.get(
    "/n/:slug/messages/:id/messages",
    {
      config: participate,
      schema: {
        tags,
        summary:
          "A conversation's messages: the newest page first (oldest first within it), older pages by cursor",
        params: conversationParams,
        querystring: historyQuery,
        response: { 200: historyOut },
      },
    },
    async (req) => history(memberScopeOf(req), req.params.id, req.query),
  );

  app.post(
    "/n/:slug/messages/:id/messages",
    {
      config: participate,
      schema: {
        tags,
        summary: "Send a message in a conversation",
        params: conversationParams,
        body: sendInput,
        response: { 201: messageOut },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return sendMessage(memberScopeOf(req), req.params.id, req.body.body);
    },
  );

  app.post(
    "/n/:slug/messages/:id/read",
    {
      config: participate,
      schema: {
        tags,
        summary: "I have read the conversation up to a message (the newest when none is given)",
        params: conversationParams,
        body: readInput,
        response: { 200: unreadOut },
      },
    },
    async (req) => markConversationRead(memberScopeOf(req), req.params.id, req.body.messageId),
  );

  app.put(
    "/n/:slug/messages/:id/mute",
    {
      config: participate,
      schema: {
        tags,
        summary: "Mute a conversation (no notifications of its messages) or unmute it",
        params: conversationParams,
        body: muteInput,
      },
    },
    async (req, reply) => {
      await muteConversation(memberScopeOf(req), req.params.id, req.body.muted);
      return reply.code(204).send();
    },
  );
}
