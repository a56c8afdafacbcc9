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

// Address fields (Shared/RecipientField): Enter finishes an address or picks a suggestion instead of sending the
// form; Tab and the arrows belong to the suggestions while they are open. An input drops the line breaks of a
// pasted list, so they become separators before the text goes in.
document.addEventListener("keydown", event => {
    const input = event.target.closest?.("input[data-recipient-input]");
    if (!input) {
        return;
    }

    const open = input.getAttribute("aria-expanded") === "true";
    if (event.key === "Enter" || (open && ["Tab", "ArrowDown", "ArrowUp", "Escape"].includes(event.key))) {
        event.preventDefault();
    }
}, true);

document.addEventListener("paste", event => {
    const input = event.target.closest?.("input[data-recipient-input]");
    const text = event.clipboardData?.getData("text/plain") ?? "";
    if (!input || !/[\r\n\t]/.test(text)) {
        return;
    }

    event.preventDefault();
    const list = text.split(/[\r\n\t]+/).map(line => line.trim()).filter(line => line.length > 0).join(", ");
    input.setRangeText(list, input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length, "end");
    input.dispatchEvent(new Event("input", { bubbles: true }));
}, true);

// What an address field made chips is taken out of its box: exactly that text from the start, so letters typed
// while the server decided stay (Shared/RecipientField).
window.webmailRecipientTake = (input, text) => {
    if (input && input.value.startsWith(text)) {
        const caret = input.selectionStart;
        input.value = input.value.slice(text.length);
        if (caret !== null && document.activeElement === input) {
            const at = Math.max(0, caret - text.length);
            input.setSelectionRange(at, at);
        }
    }
};
