// Placeholder: to be replaced by the real page.
export default function ApiTokensPage() {
  return <div>ApiTokensPage</div>;
}
