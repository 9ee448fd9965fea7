import { createBrowserRouter } from "react-router";
import { Layout } from "./components/Layout.tsx";
import AdminNetworksPage from "./routes/admin/AdminNetworksPage.tsx";
import CheckEmailPage from "./routes/auth/CheckEmailPage.tsx";
import ForgotPasswordPage from "./routes/auth/ForgotPasswordPage.tsx";
import ResetPasswordPage from "./routes/auth/ResetPasswordPage.tsx";
import SignInPage from "./routes/auth/SignInPage.tsx";
import SignUpPage from "./routes/auth/SignUpPage.tsx";
import ConsentPage from "./routes/consent/ConsentPage.tsx";
import HomePage from "./routes/home/HomePage.tsx";
import InvitePage from "./routes/invite/InvitePage.tsx";
import NetworkHomePage from "./routes/network/NetworkHomePage.tsx";
import ApiTokensPage from "./routes/operator/ApiTokensPage.tsx";
import ApprovalsPage from "./routes/operator/ApprovalsPage.tsx";
import InvitationsPage from "./routes/operator/InvitationsPage.tsx";
import MembersPage from "./routes/operator/MembersPage.tsx";
import PrivacyNoticePage from "./routes/operator/PrivacyNoticePage.tsx";
import RosterPage from "./routes/operator/RosterPage.tsx";
import SurveyResultsPage from "./routes/operator/SurveyResultsPage.tsx";
import ProfileEditPage from "./routes/profile/ProfileEditPage.tsx";
import ProfileViewPage from "./routes/profile/ProfileViewPage.tsx";
import RegisterPage from "./routes/register/RegisterPage.tsx";
import SetupPage from "./routes/setup/SetupPage.tsx";
import WelcomeSurveyPage from "./routes/welcome/WelcomeSurveyPage.tsx";

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: "/", element: <HomePage /> },
      { path: "/setup", element: <SetupPage /> },
      { path: "/sign-in", element: <SignInPage /> },
      { path: "/sign-up", element: <SignUpPage /> },
      { path: "/check-email", element: <CheckEmailPage /> },
      { path: "/forgot-password", element: <ForgotPasswordPage /> },
      { path: "/reset-password", element: <ResetPasswordPage /> },
      { path: "/invite/:token", element: <InvitePage /> },
      { path: "/admin", element: <AdminNetworksPage /> },
      { path: "/n/:slug/register", element: <RegisterPage /> },
      { path: "/n/:slug", element: <NetworkHomePage /> },
      { path: "/n/:slug/welcome", element: <WelcomeSurveyPage /> },
      { path: "/n/:slug/profile", element: <ProfileEditPage /> },
      { path: "/n/:slug/members/:userId", element: <ProfileViewPage /> },
      { path: "/n/:slug/settings/consent", element: <ConsentPage /> },
      { path: "/n/:slug/admin/roster", element: <RosterPage /> },
      { path: "/n/:slug/admin/invitations", element: <InvitationsPage /> },
      { path: "/n/:slug/admin/approvals", element: <ApprovalsPage /> },
      { path: "/n/:slug/admin/members", element: <MembersPage /> },
      { path: "/n/:slug/admin/survey", element: <SurveyResultsPage /> },
      { path: "/n/:slug/admin/privacy", element: <PrivacyNoticePage /> },
      { path: "/n/:slug/admin/api-tokens", element: <ApiTokensPage /> },
    ],
  },
]);
