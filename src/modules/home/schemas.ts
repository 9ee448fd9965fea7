// The network's home page: outputs (it takes no input but the network).
import { z } from "zod";
import { NOTIFICATION_KINDS } from "../../db/schema/index.ts";
import { NETWORK_ROLES } from "../../shared/profile.ts";
import { slugParam } from "../../shared/text-schema.ts";
import { directoryCard } from "../directory/index.ts";

export const slugParams = z.object({ slug: slugParam });

const author = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.string(),
  photoUrl: z.string().nullable(),
  profile: z.boolean().describe("Whether the viewer may open the author's profile"),
  supporter: z.boolean(),
});

export const postBriefOut = z.object({
  id: z.string(),
  kind: z.string(),
  /** The post's title, or the start of its text. */
  title: z.string(),
  author,
  createdAt: z.string(),
  pinned: z.boolean(),
  /** Hidden pending review (shown only to its author and the operators). */
  hidden: z.boolean(),
});

export const newcomerOut = z.object({
  card: directoryCard.describe("As the directory shows the member to the viewer"),
  joinedAt: z.string().describe("When they joined the network"),
  canMessage: z.boolean().describe("Whether the viewer may message them (メッセージを送る)"),
});

export const homeOut = z.object({
  lastVisitAt: z.string().nullable().describe("The member's last visit to the feed"),
  announcements: z.object({
    items: z.array(postBriefOut),
    unread: z.number().describe("Announcements and pinned posts not read yet"),
  }),
  groups: z.object({
    /** The member's groups they did not mute, those with new posts first. */
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        newPosts: z.number().describe("Posts since the member's last visit to the feed"),
        latest: postBriefOut.nullable(),
      }),
    ),
    joined: z.number().describe("How many groups the member belongs to (muted ones included)"),
  }),
  replies: z.object({
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(NOTIFICATION_KINDS),
        text: z.string(),
        excerpt: z.string().nullable(),
        /** Where it leads, under /n/<slug>. */
        path: z.string(),
        createdAt: z.string(),
      }),
    ),
    unread: z.number().describe("Unread replies and mentions"),
  }),
  newcomers: z.object({
    days: z.number().describe("Who joined in this many days"),
    /** The viewer's join year (入社年: what makes 同期), null when their profile has none. */
    joinYear: z.number().nullable(),
    departments: z.array(z.string()).describe("The viewer's departments at the company"),
    cohort: z.array(newcomerOut).describe("同期: joined the company the same year"),
    department: z.array(newcomerOut).describe("From the viewer's departments (同期 left out)"),
  }),
  /** The operators' desk (operators only; null for everyone else). */
  desk: z
    .object({
      openInquiries: z.number(),
      unassignedInquiries: z.number(),
      moderationQueue: z.number(),
    })
    .nullable(),
  role: z.enum(NETWORK_ROLES),
});
export type HomeOut = z.infer<typeof homeOut>;
