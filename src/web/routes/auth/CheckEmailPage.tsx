// Placeholder: to be replaced by the real page.
export default function CheckEmailPage() {
  return <div>CheckEmailPage</div>;
}
