// Placeholder: to be replaced by the real page.
export default function ConsentPage() {
  return <div>ConsentPage</div>;
}
