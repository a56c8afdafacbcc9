// Keyboard shortcuts (listed in the "?" dialog, Layout/ShortcutHelp.razor). Each one clicks or focuses a control
// the page already shows, so the keyboard does exactly what the mouse does and nothing where that control is absent.
(function () {
    const editable = target => target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']");
    const click = selector => {
        const element = document.querySelector(selector);
        if (element && !element.disabled) {
            element.click();
            return true;
        }
        return false;
    };
    const rows = () => Array.from(document.querySelectorAll("#message-list .message-row"));
    const currentRow = () => document.activeElement && document.activeElement.closest("#message-list .message-row");
    const focusRow = row => row && row.querySelector(".message-link").focus();
    const moveInList = step => {
        const all = rows();
        if (all.length === 0) {
            return false;
        }
        const at = all.indexOf(currentRow());
        focusRow(all[at < 0 ? 0 : Math.min(all.length - 1, Math.max(0, at + step))]);
        return true;
    };
    // The selection bar appears after the circuit has rendered the selection: wait for it (briefly).
    const whenPresent = (selector, then) => {
        const started = Date.now();
        const poll = () => {
            const element = document.querySelector(selector);
            if (element) {
                then(element);
            } else if (Date.now() - started < 3000) {
                setTimeout(poll, 50);
            }
        };
        poll();
    };
    const actOnRows = (buttonSelector) => {
        if (document.querySelector(buttonSelector)) {
            return click(buttonSelector);
        }
        const row = currentRow();
        if (!row) {
            return false;
        }
        row.querySelector(".message-select").click();
        whenPresent(buttonSelector, button => button.click());
        return true;
    };
    const help = () => {
        const dialog = document.getElementById("shortcut-help");
        if (dialog && !dialog.open) {
            dialog.showModal();
        }
        return true;
    };

    let pendingG = false;
    const actions = {
        "?": help,
        "j": () => moveInList(1) || click("#older-message"),
        "k": () => moveInList(-1) || click("#newer-message"),
        "o": () => { const row = currentRow(); return row ? (row.querySelector(".message-link").click(), true) : false; },
        "r": () => click("#reply"),
        "a": () => click("#reply-all"),
        "f": () => click("#forward"),
        "c": () => click("#nav-compose"),
        "#": () => click("#delete-message") || actOnRows("#delete-selected"),
        "Delete": () => click("#delete-message") || actOnRows("#delete-selected"),
        "x": () => { const row = currentRow(); return row ? (row.querySelector(".message-select").click(), true) : false; },
        "s": () => { const row = currentRow(); return row ? (row.querySelector(".star-toggle")?.click(), true) : false; },
        "I": () => actOnRows("#mark-read"),
        "u": () => click("#mark-unread") || actOnRows("#mark-unread-selected"),
        "/": () => { const search = document.getElementById("search"); if (search) { search.focus(); } return !!search; },
    };

    document.addEventListener("keydown", event => {
        // The one shortcut that works while typing: Ctrl+Enter (Cmd+Enter) sends what is being written.
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.target.closest("#compose-form")) {
            event.preventDefault();
            click("#send");
            return;
        }
        if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || editable(event.target)
            || document.querySelector("dialog[open]")) {
            return;
        }
        if (pendingG) {
            pendingG = false;
            if (event.key === "i") {
                event.preventDefault();
                click(".navbar-brand");
            }
            return;
        }
        if (event.key === "g") {
            pendingG = true;
            setTimeout(() => { pendingG = false; }, 1500);
            return;
        }
        const action = actions[event.key];
        if (action && action()) {
            event.preventDefault();
        }
    });
    document.addEventListener("click", event => {
        if (event.target.closest("[data-shortcut-help]")) {
            help();
        }
        const close = event.target.closest("[data-close-dialog]");
        if (close) {
            close.closest("dialog").close();
        }
    });
})();
