// Placeholder: to be replaced by the real page.
export default function ApprovalsPage() {
  return <div>ApprovalsPage</div>;
}
