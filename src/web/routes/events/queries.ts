// The events API for the web: query keys, the list, one event, its attendees and RSVPs, writes.
import { useQuery } from "@tanstack/react-query";
import { type BodyOf, client, type paths, type ResponseOf, unwrap } from "../../api/client.ts";

export type EventItem = ResponseOf<"/api/n/{slug}/events/{id}">;
export type EventFormat = EventItem["format"];
export type EventInput = BodyOf<"/api/n/{slug}/events">;
export type EventPatch = BodyOf<"/api/n/{slug}/events/{id}", "patch">;
export type EventListQuery = NonNullable<paths["/api/n/{slug}/events"]["get"]["parameters"]["query"]>;
export type RsvpInput = BodyOf<"/api/n/{slug}/events/{id}/rsvp", "put">;
export type RsvpRow = ResponseOf<"/api/n/{slug}/events/{id}/rsvps">["items"][number];
export const FORMATS: EventFormat[] = ["in_person", "online", "hybrid"];

export const eventKeys = {
  all: (slug: string) => ["events", slug] as const,
  list: (slug: string, q: EventListQuery) => [...eventKeys.all(slug), "list", q] as const,
  event: (slug: string, id: string) => [...eventKeys.all(slug), "event", id] as const,
  attendees: (slug: string, id: string) => [...eventKeys.all(slug), "attendees", id] as const,
  rsvps: (slug: string, id: string) => [...eventKeys.all(slug), "rsvps", id] as const,
};

export function useEvents(slug: string, q: EventListQuery) {
  return useQuery({
    queryKey: eventKeys.list(slug, q),
    queryFn: () => unwrap(client.GET("/api/n/{slug}/events", { params: { path: { slug }, query: q } })),
  });
}

export function useEvent(slug: string, id: string) {
  return useQuery({
    queryKey: eventKeys.event(slug, id),
    queryFn: () => unwrap(client.GET("/api/n/{slug}/events/{id}", { params: { path: { slug, id } } })),
    retry: false,
  });
}

export function useAttendees(slug: string, id: string) {
  return useQuery({
    queryKey: eventKeys.attendees(slug, id),
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/events/{id}/attendees", { params: { path: { slug, id } } })),
  });
}

export function useRsvps(slug: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: eventKeys.rsvps(slug, id),
    enabled,
    queryFn: () => unwrap(client.GET("/api/n/{slug}/events/{id}/rsvps", { params: { path: { slug, id } } })),
  });
}

export const createEvent = (slug: string, body: EventInput) =>
  unwrap(client.POST("/api/n/{slug}/events", { params: { path: { slug } }, body }));

export const editEvent = (slug: string, id: string, body: EventPatch) =>
  unwrap(client.PATCH("/api/n/{slug}/events/{id}", { params: { path: { slug, id } }, body }));

export const cancelEvent = (slug: string, id: string) =>
  unwrap(client.POST("/api/n/{slug}/events/{id}/cancel", { params: { path: { slug, id } } }));

export const duplicateEvent = (slug: string, id: string, startsAt: string) =>
  unwrap(
    client.POST("/api/n/{slug}/events/{id}/duplicate", {
      params: { path: { slug, id } },
      body: { startsAt },
    }),
  );

export const rsvp = (slug: string, id: string, body: RsvpInput) =>
  unwrap(client.PUT("/api/n/{slug}/events/{id}/rsvp", { params: { path: { slug, id } }, body }));

export const cancelRsvp = (slug: string, id: string) =>
  unwrap(client.DELETE("/api/n/{slug}/events/{id}/rsvp", { params: { path: { slug, id } } }));

export const decideRsvp = (slug: string, id: string, rsvpId: string, approve: boolean) =>
  unwrap(
    client.PUT("/api/n/{slug}/events/{id}/rsvps/{rsvpId}", {
      params: { path: { slug, id, rsvpId } },
      body: { approve },
    }),
  );

const JST = 9 * 3600_000;
/** ISO → the value of an <input type="datetime-local"> in Japan time. */
export const toJstInput = (iso: string | null | undefined) =>
  iso ? new Date(Date.parse(iso) + JST).toISOString().slice(0, 16) : "";
/** An <input type="datetime-local"> value read as Japan time → ISO with +09:00. */
export const fromJstInput = (v: string) => (v ? `${v}:00+09:00` : null);
