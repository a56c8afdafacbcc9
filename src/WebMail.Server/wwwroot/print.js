// The print view (/mail/messages/{id}/print) opens the browser's print dialog once the message has loaded.
window.addEventListener('load', () => window.print());
