// Placeholder: to be replaced by the real page.
export default function InvitationsPage() {
  return <div>InvitationsPage</div>;
}
