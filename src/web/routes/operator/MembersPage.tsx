// Placeholder: to be replaced by the real page.
export default function MembersPage() {
  return <div>MembersPage</div>;
}
