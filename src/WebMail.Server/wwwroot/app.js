// Tells the server the browser's time zone, so dates show in the reader's own time. Not a secret.
document.cookie = "webmail.tz=" + encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone) + "; path=/; SameSite=Lax; max-age=31536000";
