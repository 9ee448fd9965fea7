// Placeholder: to be replaced by the real page.
export default function ProfileEditPage() {
  return <div>ProfileEditPage</div>;
}
