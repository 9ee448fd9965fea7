// Placeholder: to be replaced by the real page.
export default function InvitePage() {
  return <div>InvitePage</div>;
}
