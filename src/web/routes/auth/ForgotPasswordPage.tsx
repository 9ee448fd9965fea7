// Placeholder: to be replaced by the real page.
export default function ForgotPasswordPage() {
  return <div>ForgotPasswordPage</div>;
}
