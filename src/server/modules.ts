// Every domain module's routes, mounted under /api. A module is one folder in src/modules.
import consentRoutes from "../modules/consent/routes.ts";
import directoryRoutes from "../modules/directory/routes.ts";
import eventsRoutes from "../modules/events/routes.ts";
import feedRoutes from "../modules/feed/routes.ts";
import groupsRoutes from "../modules/groups/routes.ts";
import homeRoutes from "../modules/home/routes.ts";
import inquiriesRoutes from "../modules/inquiries/routes.ts";
import invitationsRoutes from "../modules/invitations/routes.ts";
import membersRoutes from "../modules/members/routes.ts";
import messagesRoutes from "../modules/messages/routes.ts";
import moderationRoutes from "../modules/moderation/routes.ts";
import networkRoutes from "../modules/networks/routes.ts";
import notificationsRoutes from "../modules/notifications/routes.ts";
import onboardingRoutes from "../modules/onboarding/routes.ts";
import opportunitiesRoutes from "../modules/opportunities/routes.ts";
import profilesRoutes from "../modules/profiles/routes.ts";
import registrationRoutes from "../modules/registration/routes.ts";
import rosterRoutes from "../modules/roster/routes.ts";
import segmentsRoutes from "../modules/segments/routes.ts";
import welcomeSurveyRoutes from "../modules/welcome-survey/routes.ts";
import type { ModuleRoutes } from "./http.ts";

export const modules: ModuleRoutes[] = [
  networkRoutes,
  rosterRoutes,
  invitationsRoutes,
  registrationRoutes,
  consentRoutes,
  welcomeSurveyRoutes,
  profilesRoutes,
  membersRoutes,
  directoryRoutes,
  segmentsRoutes,
  onboardingRoutes,
  feedRoutes,
  notificationsRoutes,
  inquiriesRoutes,
  messagesRoutes,
  moderationRoutes,
  groupsRoutes,
  homeRoutes,
  eventsRoutes,
  opportunitiesRoutes,
];
