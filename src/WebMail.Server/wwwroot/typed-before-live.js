// What a user types before the page is live is kept (issue 23).
//
// Pages are prerendered: their inputs are on screen, and take typing, before the live connection exists. When it
// arrives, the live renderer replaces the prerendered elements with its own, which start from the component's
// model, not from what is in the box. On a phone on a campus network that can be seconds of typing.
//
// This script remembers what was typed into prerendered fields and, when the live renderer puts an element with the
// same id in its place, copies the text in and fires the events the component listens to, so the typed text reaches
// the component through its normal bindings. Focus and the caret move along, so typing goes on where it was. A form
// marked data-live-form that was submitted before it was live (Enter in the search box) is submitted again once it is.
// Pages whose server-side loads could still overwrite typed text (a restored draft) also ask webmailFieldValues once
// live and decide for themselves (Compose.razor.cs).
(function () {
    const prerendered = new WeakSet();
    const typed = new Map(); // id -> { value, checked, url }
    let focus = null; // { id, start, end } of the prerendered field that had the caret
    let submitted = null; // { id, url } of a live form submitted while prerendered
    let observer = null;
    let focusedRow = null; // data-message-id of the prerendered list line that had the focus (j/k, Tab)

    const isField = element => element instanceof HTMLInputElement
        ? !["password", "file", "hidden", "submit", "button"].includes(element.type)
        : element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement;

    const markPrerendered = () => document.querySelectorAll("input[id], textarea[id], select[id], form[id], .message-link").forEach(e => prerendered.add(e));

    // A list line focused before the page is live (j/k or Tab) would lose the focus when the live renderer replaces
    // the line, and the next j would start again from the top: the live line with the same message takes it.
    const rememberRow = event => {
        const link = event.target;
        if (link instanceof Element && link.classList.contains("message-link") && prerendered.has(link)) {
            focusedRow = link.closest("[data-message-id]")?.getAttribute("data-message-id") ?? null;
            if (focusedRow !== null) {
                watch();
            }
        } else {
            focusedRow = null;
        }
    };

    // The focus left the line while the line stayed (a click on the page's background): nothing to carry over then.
    // A line the live renderer removed is no longer connected.
    // (After the focus moved on: j's focusout comes before the next line's focusin, which remembers that line.)
    const forgetRow = event => {
        const link = event.target;
        if (link instanceof Element && link.classList.contains("message-link")) {
            const id = link.closest("[data-message-id]")?.getAttribute("data-message-id");
            queueMicrotask(() => {
                if (link.isConnected && document.activeElement !== link && focusedRow === id) {
                    focusedRow = null;
                }
            });
        }
    };

    const restoreRow = node => {
        const row = node.matches("[data-message-id]") ? node : node.querySelector(`[data-message-id="${CSS.escape(focusedRow)}"]`);
        const link = row && row.getAttribute("data-message-id") === focusedRow ? row.querySelector(".message-link") : null;
        if (link && !prerendered.has(link)) {
            focusedRow = null;
            if (document.activeElement === null || document.activeElement === document.body) {
                link.focus();
            }
        }
    };

    const remember = event => {
        const element = event.target;
        if (!element.id || !isField(element) || !prerendered.has(element)) {
            return;
        }

        typed.set(element.id, { value: element.value, checked: element.checked, url: location.href });
        rememberCaret(element);
        watch();
    };

    const rememberCaret = element => {
        if (prerendered.has(element) && element.id && document.activeElement === element) {
            const hasCaret = typeof element.selectionStart === "number";
            focus = { id: element.id, start: hasCaret ? element.selectionStart : null, end: hasCaret ? element.selectionEnd : null };
        }
    };

    const restore = element => {
        const saved = typed.get(element.id);
        if (!saved || prerendered.has(element) || !isField(element)) {
            return;
        }

        typed.delete(element.id);
        if (saved.url !== location.href) {
            return;
        }

        const checkable = element.type === "checkbox" || element.type === "radio";
        if (checkable ? element.checked !== saved.checked : element.value !== saved.value) {
            if (checkable) {
                element.checked = saved.checked;
            } else {
                element.value = saved.value;
            }

            // Both: @bind listens to change, @bind:event="oninput" to input.
            element.dispatchEvent(new Event("input", { bubbles: true }));
            element.dispatchEvent(new Event("change", { bubbles: true }));
        }

        if (focus && focus.id === element.id && (document.activeElement === null || document.activeElement === document.body)) {
            element.focus();
            if (focus.start !== null && typeof element.setSelectionRange === "function") {
                element.setSelectionRange(focus.start, focus.end);
            }
            focus = null;
        }
    };

    const resubmit = form => {
        if (submitted && form.id === submitted.id && !prerendered.has(form)) {
            const again = submitted.url === location.href;
            submitted = null;
            if (again) {
                form.requestSubmit();
            }
        }
    };

    const replaced = mutations => {
        const forms = [];
        for (const mutation of mutations) {
            for (const node of mutation.addedNodes) {
                if (!(node instanceof Element)) {
                    continue;
                }

                if (focusedRow !== null) {
                    restoreRow(node);
                }

                const candidates = node.id ? [node, ...node.querySelectorAll("[id]")] : node.querySelectorAll("[id]");
                for (const element of candidates) {
                    restore(element);
                    if (element instanceof HTMLFormElement) {
                        forms.push(element);
                    }
                }
            }
        }

        // After the fields, so the component has the typed values when the submit arrives.
        forms.forEach(resubmit);
        if (typed.size === 0 && submitted === null && focusedRow === null) {
            observer.disconnect();
            observer = null;
        }
    };

    // Watching every change of the page costs a little; only while something waits for its live element.
    const watch = () => {
        if (observer === null) {
            observer = new MutationObserver(replaced);
            observer.observe(document.documentElement, { childList: true, subtree: true });
        }
    };

    document.addEventListener("input", remember, true);
    document.addEventListener("change", remember, true);
    document.addEventListener("keyup", event => rememberCaret(event.target), true);
    document.addEventListener("click", event => rememberCaret(event.target), true);
    document.addEventListener("focusin", rememberRow, true);
    document.addEventListener("focusout", forgetRow, true);
    document.addEventListener("submit", event => {
        const form = event.target;
        if (form instanceof HTMLFormElement && form.hasAttribute("data-live-form") && prerendered.has(form)) {
            // Without this the browser would send the form to the server as a page load and lose what was typed.
            event.preventDefault();
            submitted = { id: form.id, url: location.href };
            watch();
        }
    }, true);

    // Everything in the HTML of a full page load is prerendered; so is what Blazor's enhanced navigation patches in.
    document.addEventListener("DOMContentLoaded", () => {
        markPrerendered();
        if (window.Blazor && typeof window.Blazor.addEventListener === "function") {
            window.Blazor.addEventListener("enhancedload", markPrerendered);
        }
    });

    // The sign-in page is a static form: switching the language loads it anew. The user name (and reading choice)
    // go along in this tab's session storage for that one load. Never the password: it lives nowhere but the form.
    const signInKey = "webmail.signin-typed";
    document.addEventListener("click", event => {
        const username = document.getElementById("username");
        if (username && event.target.closest("#switch-language")) {
            const reading = document.getElementById("reading");
            sessionStorage.setItem(signInKey, JSON.stringify({ username: username.value, reading: reading ? reading.value : null }));
        }
    });
    document.addEventListener("DOMContentLoaded", () => {
        const saved = sessionStorage.getItem(signInKey);
        sessionStorage.removeItem(signInKey);
        const username = document.getElementById("username");
        if (saved && username && username.value === "") {
            const { username: name, reading } = JSON.parse(saved);
            username.value = name || "";
            const select = document.getElementById("reading");
            if (select && reading !== null) {
                select.value = reading;
            }
        }
    });

    // After a navigation the heading gets the focus (screen readers announce the new page), but not from a field the
    // user is typing into, or a list line they moved to with j/k: on a prerendered page going live that is the element
    // this script has just put them back in. As Blazor's own FocusOnNavigate does: a heading is made focusable, and
    // focusing does not scroll.
    window.webmailFocusHeading = selector => {
        const active = document.activeElement;
        if (active && active !== document.body && (isField(active) || active.classList.contains("message-link"))) {
            return;
        }

        if (focusedRow !== null) {
            return; // the list line is still to come in a later render; it takes the focus then
        }

        const heading = document.querySelector(selector);
        if (heading) {
            if (!heading.hasAttribute("tabindex")) {
                heading.tabIndex = -1;
            }
            heading.focus({ preventScroll: true });
        }
    };

    // For pages that decide once live what wins over server-side content: the fields' values as they are now.
    window.webmailFieldValues = ids => ids.map(id => {
        const element = document.getElementById(id);
        return element && isField(element) ? element.value : null;
    });
})();
