// Placeholder: to be replaced by the real page.
export default function ProfileViewPage() {
  return <div>ProfileViewPage</div>;
}
