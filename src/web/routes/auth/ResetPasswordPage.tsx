// Placeholder: to be replaced by the real page.
export default function ResetPasswordPage() {
  return <div>ResetPasswordPage</div>;
}
