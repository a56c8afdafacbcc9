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

    const isField = element => element instanceof HTMLInputElement
        ? !["password", "file", "hidden", "submit", "button"].includes(element.type)
        : element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement;

    const markPrerendered = () => document.querySelectorAll("input[id], textarea[id], select[id], form[id]").forEach(e => prerendered.add(e));

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
        if (typed.size === 0 && submitted === null) {
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
    // user is typing into: on a prerendered page going live that is the field this script has just put them back in.
    // As Blazor's own FocusOnNavigate does: a heading is made focusable, and focusing does not scroll.
    window.webmailFocusHeading = selector => {
        const active = document.activeElement;
        if (active && active !== document.body && isField(active)) {
            return;
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
