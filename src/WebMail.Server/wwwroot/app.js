// Tells the server the browser's time zone, so dates show in the reader's own time. Not a secret.
document.cookie = "webmail.tz=" + encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone) + "; path=/; SameSite=Lax; max-age=31536000";

// Colour mode: the system's preference unless the user chose one (remembered in this browser).
(function () {
    const stored = () => localStorage.getItem("webmail.theme");
    const system = () => window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    const apply = () => document.documentElement.setAttribute("data-bs-theme", stored() || system());
    apply();
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", apply);
    // Delegated, because Blazor re-renders the button.
    document.addEventListener("click", event => {
        if (event.target.closest("[data-webmail-theme-toggle]")) {
            const next = document.documentElement.getAttribute("data-bs-theme") === "dark" ? "light" : "dark";
            localStorage.setItem("webmail.theme", next);
            apply();
        }
    });
})();

// A reply is written above the quoted original (the cursor at the very start of the text), or under it, where the
// user chose so (the cursor at the given position, scrolled into view).
window.webmailFocusAtStart = element => {
    element.focus();
    element.setSelectionRange(0, 0);
    element.scrollTop = 0;
};
window.webmailFocusAt = (element, position) => {
    element.focus();
    element.setSelectionRange(position, position);
    element.blur();
    element.focus(); // Chromium scrolls a text area to its caret on focus
};

// A button that opens a hidden file input (importing .eml files): a real button is reachable by keyboard and named
// for screen readers, which a styled label is not. Delegated, because Blazor re-renders the button.
document.addEventListener("click", event => {
    const opener = event.target.closest("[data-opens-file-input]");
    if (opener && !opener.disabled) {
        document.getElementById(opener.getAttribute("data-opens-file-input"))?.click();
    }
});
