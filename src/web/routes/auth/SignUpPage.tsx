// Placeholder: to be replaced by the real page.
export default function SignUpPage() {
  return <div>SignUpPage</div>;
}
