import { lazy, Suspense } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { Layout } from "./components/Layout.tsx";
import { PageLoader } from "./components/PageLoader.tsx";
import CheckEmailPage from "./routes/auth/CheckEmailPage.tsx";
import ForgotPasswordPage from "./routes/auth/ForgotPasswordPage.tsx";
import ResetPasswordPage from "./routes/auth/ResetPasswordPage.tsx";
import SignInPage from "./routes/auth/SignInPage.tsx";
import SignUpPage from "./routes/auth/SignUpPage.tsx";
import ConsentPage from "./routes/consent/ConsentPage.tsx";
import { NotFoundPage, RouteErrorPage } from "./routes/errors/ErrorPages.tsx";
import HomePage from "./routes/home/HomePage.tsx";
import InvitePage from "./routes/invite/InvitePage.tsx";
import NetworkHomePage from "./routes/network/NetworkHomePage.tsx";
import ProfileViewPage from "./routes/profile/ProfileViewPage.tsx";
import RegisterPage from "./routes/register/RegisterPage.tsx";
import SetupPage from "./routes/setup/SetupPage.tsx";
import WelcomeSurveyPage from "./routes/welcome/WelcomeSurveyPage.tsx";

// Operator, admin and editing pages load on demand: the first page a member opens stays small.
const TwoFactorSetupPage = lazy(() => import("./routes/two-factor/TwoFactorSetupPage.tsx"));
const AdminNetworksPage = lazy(() => import("./routes/admin/AdminNetworksPage.tsx"));
const ApiTokensPage = lazy(() => import("./routes/operator/api-tokens/ApiTokensPage.tsx"));
const ApprovalsPage = lazy(() => import("./routes/operator/approvals/ApprovalsPage.tsx"));
const InvitationsPage = lazy(() => import("./routes/operator/invitations/InvitationsPage.tsx"));
const BrandingPage = lazy(() => import("./routes/operator/branding/BrandingPage.tsx"));
const MembersPage = lazy(() => import("./routes/operator/members/MembersPage.tsx"));
const PrivacyNoticePage = lazy(() => import("./routes/operator/privacy/PrivacyNoticePage.tsx"));
const RosterPage = lazy(() => import("./routes/operator/roster/RosterPage.tsx"));
const SurveyResultsPage = lazy(() => import("./routes/operator/survey/SurveyResultsPage.tsx"));
const ProfileEditPage = lazy(() => import("./routes/profile/ProfileEditPage.tsx"));
const DirectoryPage = lazy(() => import("./routes/directory/DirectoryPage.tsx"));
const SegmentsPage = lazy(() => import("./routes/segments/SegmentsPage.tsx"));
const SegmentEditorPage = lazy(() => import("./routes/segments/SegmentEditorPage.tsx"));
const SegmentMembersPage = lazy(() => import("./routes/segments/SegmentMembersPage.tsx"));
const FeedPage = lazy(() => import("./routes/feed/FeedPage.tsx"));
const PostPage = lazy(() => import("./routes/feed/PostPage.tsx"));
const GroupsPage = lazy(() => import("./routes/groups/GroupsPage.tsx"));
const GroupPage = lazy(() => import("./routes/groups/GroupPage.tsx"));
const EventsPage = lazy(() => import("./routes/events/EventsPage.tsx"));
const EventPage = lazy(() => import("./routes/events/EventPage.tsx"));
const EventFormPage = lazy(() => import("./routes/events/EventFormPage.tsx"));
const CheckInPage = lazy(() => import("./routes/events/CheckInPage.tsx"));
const OpportunitiesPage = lazy(() => import("./routes/opportunities/OpportunitiesPage.tsx"));
const OpportunityPage = lazy(() => import("./routes/opportunities/OpportunityPage.tsx"));
const OpportunityFormPage = lazy(() => import("./routes/opportunities/OpportunityFormPage.tsx"));
const ApplicationPage = lazy(() => import("./routes/opportunities/ApplicationPage.tsx"));
const NotificationSettingsPage = lazy(() => import("./routes/notifications/NotificationSettingsPage.tsx"));
const UnsubscribePage = lazy(() => import("./routes/notifications/UnsubscribePage.tsx"));
const MessagesPage = lazy(() => import("./routes/messages/MessagesPage.tsx"));
const ConversationPage = lazy(() => import("./routes/messages/ConversationPage.tsx"));
const NewConversationPage = lazy(() => import("./routes/messages/NewConversationPage.tsx"));
const MessageSettingsPage = lazy(() => import("./routes/messages/MessageSettingsPage.tsx"));
const ModerationPage = lazy(() => import("./routes/moderation/ModerationPage.tsx"));
const AuditLogPage = lazy(() => import("./routes/moderation/AuditLogPage.tsx"));
const MyInquiriesPage = lazy(() => import("./routes/inquiries/MyInquiriesPage.tsx"));
const MyInquiryPage = lazy(() => import("./routes/inquiries/MyInquiryPage.tsx"));
const DeskInboxPage = lazy(() => import("./routes/inquiries/DeskInboxPage.tsx"));
const DeskInquiryPage = lazy(() => import("./routes/inquiries/DeskInquiryPage.tsx"));

const later = (page: React.ReactNode) => <Suspense fallback={<PageLoader />}>{page}</Suspense>;

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: "/", element: <HomePage /> },
      { path: "/setup", element: <SetupPage /> },
      { path: "/sign-in", element: <SignInPage /> },
      { path: "/sign-up", element: <SignUpPage /> },
      { path: "/two-factor", element: later(<TwoFactorSetupPage />) },
      { path: "/check-email", element: <CheckEmailPage /> },
      { path: "/forgot-password", element: <ForgotPasswordPage /> },
      { path: "/reset-password", element: <ResetPasswordPage /> },
      { path: "/invite/:token", element: <InvitePage /> },
      { path: "/admin", element: later(<AdminNetworksPage />) },
      { path: "/n/:slug/register", element: <RegisterPage /> },
      { path: "/n/:slug", element: <NetworkHomePage /> },
      { path: "/n/:slug/welcome", element: <WelcomeSurveyPage /> },
      { path: "/n/:slug/profile", element: later(<ProfileEditPage />) },
      { path: "/n/:slug/members/:userId", element: <ProfileViewPage /> },
      { path: "/n/:slug/directory", element: later(<DirectoryPage />) },
      { path: "/n/:slug/feed", element: later(<FeedPage />) },
      { path: "/n/:slug/settings/notifications", element: later(<NotificationSettingsPage />) },
      { path: "/unsubscribe", element: later(<UnsubscribePage />) },
      { path: "/n/:slug/posts/:id", element: later(<PostPage />) },
      { path: "/n/:slug/groups", element: later(<GroupsPage />) },
      { path: "/n/:slug/groups/:id", element: later(<GroupPage />) },
      { path: "/n/:slug/events", element: later(<EventsPage />) },
      { path: "/n/:slug/events/new", element: later(<EventFormPage />) },
      { path: "/n/:slug/events/:id", element: later(<EventPage />) },
      { path: "/n/:slug/events/:id/edit", element: later(<EventFormPage />) },
      { path: "/n/:slug/events/:id/checkin", element: later(<CheckInPage />) },
      { path: "/n/:slug/opportunities", element: later(<OpportunitiesPage />) },
      { path: "/n/:slug/opportunities/new", element: later(<OpportunityFormPage />) },
      { path: "/n/:slug/opportunities/applications/:id", element: later(<ApplicationPage />) },
      { path: "/n/:slug/opportunities/:id", element: later(<OpportunityPage />) },
      { path: "/n/:slug/opportunities/:id/edit", element: later(<OpportunityFormPage />) },
      { path: "/n/:slug/settings/consent", element: <ConsentPage /> },
      { path: "/n/:slug/messages", element: later(<MessagesPage />) },
      { path: "/n/:slug/messages/new", element: later(<NewConversationPage />) },
      { path: "/n/:slug/messages/settings", element: later(<MessageSettingsPage />) },
      { path: "/n/:slug/messages/:id", element: later(<ConversationPage />) },
      // Reported messages are in the moderation queue now (the former page's address leads there).
      {
        path: "/n/:slug/admin/message-reports",
        element: <Navigate to="../moderation" relative="path" replace />,
      },
      { path: "/n/:slug/admin/moderation", element: later(<ModerationPage />) },
      { path: "/n/:slug/admin/audit", element: later(<AuditLogPage />) },
      { path: "/n/:slug/inquiries", element: later(<MyInquiriesPage />) },
      { path: "/n/:slug/inquiries/:id", element: later(<MyInquiryPage />) },
      { path: "/n/:slug/admin/inquiries", element: later(<DeskInboxPage />) },
      { path: "/n/:slug/admin/inquiries/:id", element: later(<DeskInquiryPage />) },
      { path: "/n/:slug/admin/roster", element: later(<RosterPage />) },
      { path: "/n/:slug/admin/invitations", element: later(<InvitationsPage />) },
      { path: "/n/:slug/admin/branding", element: later(<BrandingPage />) },
      { path: "/n/:slug/admin/approvals", element: later(<ApprovalsPage />) },
      { path: "/n/:slug/admin/members", element: later(<MembersPage />) },
      { path: "/n/:slug/admin/survey", element: later(<SurveyResultsPage />) },
      { path: "/n/:slug/admin/privacy", element: later(<PrivacyNoticePage />) },
      { path: "/n/:slug/admin/api-tokens", element: later(<ApiTokensPage />) },
      { path: "/n/:slug/admin/segments", element: later(<SegmentsPage />) },
      { path: "/n/:slug/admin/segments/new", element: later(<SegmentEditorPage />) },
      { path: "/n/:slug/admin/segments/:id", element: later(<SegmentMembersPage />) },
      { path: "/n/:slug/admin/segments/:id/edit", element: later(<SegmentEditorPage />) },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
