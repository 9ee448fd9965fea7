// "Answer later": the network's home stops sending the member to the survey on this device and
// shows a reminder instead, until the survey is answered.
const key = (slug: string) => `tsunagari.surveySkipped.${slug}`;

export function skipSurvey(slug: string) {
  try {
    localStorage.setItem(key(slug), new Date().toISOString());
  } catch {}
}

export function surveySkipped(slug: string): boolean {
  try {
    return localStorage.getItem(key(slug)) !== null;
  } catch {
    return false;
  }
}
