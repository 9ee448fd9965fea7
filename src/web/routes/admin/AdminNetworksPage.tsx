// Placeholder: to be replaced by the real page.
export default function AdminNetworksPage() {
  return <div>AdminNetworksPage</div>;
}
