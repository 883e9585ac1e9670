// The console's one way to the server: JSON over fetch, the session's CSRF token on every
// request, errors as `ApiError` with the API's stable code. A session that has ended
// (expired, or logged out in another tab) leads back to the login page.

let csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}

export function setCsrf(token) {
  if (token) csrf = token;
}

export async function api(path, { method = "GET", body } = {}) {
  const headers = { Accept: "application/json", "X-CSRF-Token": csrf };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`/admin/api${path}`, {
    method,
    headers,
    credentials: "same-origin",
    cache: "no-store",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (response.status === 401) {
    window.location.assign(`/admin/login?lang=${encodeURIComponent(document.documentElement.lang)}`);
  }
  if (!response.ok) {
    const fallback = response.status === 401 ? "login_required" : String(response.status);
    throw new ApiError(response.status, data?.error ?? fallback, data?.message ?? "");
  }
  return data;
}
