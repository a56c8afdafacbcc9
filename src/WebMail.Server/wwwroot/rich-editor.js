// The rich-text editor of the compose page: Squire (a contenteditable editor made for mail) with DOMPurify cleaning
// whatever is pasted or loaded. Loaded as a module only when someone writes rich text, so no other page pays for it.
// The server never trusts this cleaning: it cleans the HTML again with the allow-list used for reading.
import Squire from "./lib/squire-rte/dist/squire.mjs";
import DOMPurify from "./lib/dompurify/dist/purify.es.mjs";

// What survives a paste from Word, WPS or a web page: text formatting and table borders; not Word's page layout
// (margins, line heights, mso-* properties), classes, ids or fonts sizes in points Word writes on every line.
const keptStyles = ["color", "background-color", "font-weight", "font-style", "text-decoration", "text-decoration-line",
    "text-align", "font-family", "font-size", "border", "border-collapse", "padding", "width", "margin-left"];
// The same list as OutgoingAttachment.PictureTypes on the server.
const pictureTypes = /^image\/(png|jpeg|gif|webp|bmp)$/;

DOMPurify.addHook("uponSanitizeAttribute", (_node, data) => {
    if (data.attrName === "style") {
        const probe = document.createElement("span");
        probe.setAttribute("style", data.attrValue);
        data.attrValue = keptStyles.map(name => [name, probe.style.getPropertyValue(name)])
            .filter(([, value]) => value && !/url\(|expression/i.test(value))
            .map(([name, value]) => `${name}: ${value}`).join("; ");
    }
});

const purifyOptions = {
    WHOLE_DOCUMENT: false,
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ["style", "meta", "link", "title", "form", "input", "button", "select", "textarea", "svg", "math", "iframe", "object", "embed"],
    FORBID_ATTR: ["class", "id", "lang", "name"],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|cid:|data:image\/(?:png|jpeg|gif|webp|bmp);)/i,
};

// A data: URL as a file, decoded here: fetch() cannot read one under the page's connect-src.
function fileOf(url) {
    const match = /^data:(image\/[a-z]+);base64,(.*)$/i.exec(url || "");
    if (!match) {
        return null;
    }
    const bytes = Uint8Array.from(atob(match[2]), c => c.charCodeAt(0));
    return new File([bytes], "image." + match[1].slice(6), { type: match[1].toLowerCase() });
}

export function create(root, toolbar, dotnet, options) {
    const pictures = new Map(); // cid -> data: URL, to show pictures the server gave as cid: references
    const editor = new Squire(root, {
        blockTag: "DIV",
        sanitizeToDOMFragment: html => {
            const fragment = document.importNode(DOMPurify.sanitize(html, purifyOptions), true);
            fragment.querySelectorAll("img").forEach(image => {
                const source = image.getAttribute("src") || "";
                if (source.startsWith("cid:") && pictures.has(source.slice(4))) {
                    image.setAttribute("data-cid", source.slice(4));
                    image.setAttribute("src", pictures.get(source.slice(4)));
                } else if (!source) {
                    image.remove(); // A Word picture (file:///…) that never came along.
                }
            });
            return fragment;
        },
    });

    // Tell the server the text changed, a moment after typing stops (it then asks for the content).
    let timer = 0;
    const changed = () => {
        clearTimeout(timer);
        timer = setTimeout(() => dotnet.invokeMethodAsync("Changed").catch(() => { }), 500);
    };
    editor.addEventListener("input", changed);
    editor.addEventListener("blur", () => { if (timer) { clearTimeout(timer); dotnet.invokeMethodAsync("Changed").catch(() => { }); } });

    // Pictures: pasted, dropped or picked go to the server once, as parts of the message; the editor shows them
    // as data: URLs (the page's Content-Security-Policy allows no other kind) and remembers their content id.
    const addPicture = async (file, image) => {
        if (!pictureTypes.test(file.type) || file.size > options.maxPictureBytes) {
            image?.remove();
            await dotnet.invokeMethodAsync("Refused", file.name || "image");
            return;
        }
        const url = await new Promise(resolve => {
            const reader = new FileReader();
            reader.onload = () => resolve(reader.result);
            reader.readAsDataURL(file);
        });
        const contentId = await dotnet.invokeMethodAsync("AddPicture", DotNet.createJSStreamReference(new Uint8Array(await file.arrayBuffer())), file.type, file.name || "image");
        if (!contentId) {
            image?.remove();
            return;
        }
        pictures.set(contentId, url);
        if (image) {
            image.setAttribute("data-cid", contentId);
        } else {
            editor.insertImage(url, { "data-cid": contentId, alt: file.name || "" });
        }
        changed();
    };
    const pictureFiles = list => Array.from(list || []).filter(file => file.type.startsWith("image/"));
    editor.addEventListener("pasteImage", event => {
        for (const item of Array.from(event.detail.clipboardData.items)) {
            const file = item.kind === "file" ? item.getAsFile() : null;
            if (file && file.type.startsWith("image/")) {
                addPicture(file);
            }
        }
    });
    root.addEventListener("drop", event => {
        const files = pictureFiles(event.dataTransfer?.files);
        if (files.length) {
            event.preventDefault();
            event.stopPropagation();
            files.forEach(file => addPicture(file));
        }
    }, true);
    // A picture inside pasted HTML (a web page's, a screenshot tool's) arrives as a data: URL: uploaded like the rest.
    editor.addEventListener("willPaste", event => {
        event.detail.fragment?.querySelectorAll?.("img[src^='data:']").forEach(image => {
            const file = fileOf(image.getAttribute("src"));
            if (file) {
                addPicture(file, image);
            }
        });
    });

    const commands = {
        bold: () => editor.hasFormat("B") ? editor.removeBold() : editor.bold(),
        italic: () => editor.hasFormat("I") ? editor.removeItalic() : editor.italic(),
        underline: () => editor.hasFormat("U") ? editor.removeUnderline() : editor.underline(),
        ul: () => /(^|>)UL/.test(editor.getPath()) ? editor.removeList() : editor.makeUnorderedList(),
        ol: () => /(^|>)OL/.test(editor.getPath()) ? editor.removeList() : editor.makeOrderedList(),
        quote: () => /(^|>)BLOCKQUOTE/.test(editor.getPath()) ? editor.decreaseQuoteLevel() : editor.increaseQuoteLevel(),
        link: () => {
            const typed = window.prompt(options.linkPrompt, "https://");
            if (typed === null) {
                return;
            }
            const address = typed.trim();
            if (!address || address === "https://") {
                editor.removeLink();
            } else {
                editor.makeLink(/^(https?:|mailto:)/i.test(address) ? address : (address.includes("@") && !address.includes("/") ? "mailto:" : "https://") + address);
            }
        },
        table: () => editor.insertHTML("<table style=\"border-collapse: collapse\"><tbody>"
            + "<tr><td style=\"border: 1px solid #999; padding: 4px\"><br></td><td style=\"border: 1px solid #999; padding: 4px\"><br></td><td style=\"border: 1px solid #999; padding: 4px\"><br></td></tr>".repeat(2)
            + "</tbody></table><div><br></div>"),
        clear: () => editor.removeAllFormatting(),
        picture: () => toolbar.querySelector("[data-rich-file]")?.click(),
    };
    const formats = { bold: () => editor.hasFormat("B"), italic: () => editor.hasFormat("I"), underline: () => editor.hasFormat("U"),
        ul: () => /(^|>)UL/.test(editor.getPath()), ol: () => /(^|>)OL/.test(editor.getPath()), quote: () => /(^|>)BLOCKQUOTE/.test(editor.getPath()) };
    const showFormats = () => toolbar.querySelectorAll("[data-rich]").forEach(button => {
        const active = formats[button.dataset.rich];
        if (active) {
            button.setAttribute("aria-pressed", active() ? "true" : "false");
        }
    });
    editor.addEventListener("pathChange", showFormats);
    editor.addEventListener("cursor", showFormats);
    editor.addEventListener("select", showFormats);
    // The toolbar never takes the focus (the selection stays where the user made it).
    toolbar.addEventListener("mousedown", event => { if (event.target.closest("button[data-rich]")) event.preventDefault(); });
    toolbar.addEventListener("click", event => {
        const button = event.target.closest("button[data-rich]");
        if (button && commands[button.dataset.rich]) {
            commands[button.dataset.rich]();
            editor.focus();
            showFormats();
        }
    });
    toolbar.addEventListener("input", event => {
        if (event.target.matches("[data-rich-colour]")) {
            editor.setTextColor(event.target.value);
        }
    });
    toolbar.addEventListener("change", event => {
        if (event.target.matches("[data-rich-file]")) {
            pictureFiles(event.target.files).forEach(file => addPicture(file));
            event.target.value = "";
        }
    });

    const handle = {
        // The content as the server wants it: HTML with cid: references for uploaded pictures, and the text shown.
        content: () => {
            // Copied into a document that shows nothing, so the cid: sources are not loaded (and refused by the CSP).
            const copy = document.implementation.createHTMLDocument("").importNode(root, true);
            copy.querySelectorAll(".squire-image-resize-container").forEach(node => node.remove());
            copy.querySelectorAll("img[data-cid]").forEach(image => {
                image.setAttribute("src", "cid:" + image.getAttribute("data-cid"));
                image.removeAttribute("data-cid");
            });
            const html = copy.innerHTML.replace(/\u200B/g, "");
            return new TextEncoder().encode(JSON.stringify({ html, text: root.innerText }));
        },
        setContent: (html, shown) => {
            pictures.clear();
            Object.entries(shown || {}).forEach(([contentId, url]) => pictures.set(contentId, url));
            editor.setHTML(html);
        },
        focusStart: () => {
            editor.moveCursorToStart();
            editor.focus();
        },
        // A reply written under the quote: the line after the last quote, scrolled into view.
        focusAfterQuote: () => {
            const quotes = root.querySelectorAll(":scope > blockquote");
            const line = quotes.length ? quotes[quotes.length - 1].nextElementSibling : null;
            if (!line) {
                editor.moveCursorToEnd();
                editor.focus();
                return;
            }
            const range = document.createRange();
            range.setStart(line, 0);
            range.collapse(true);
            editor.focus();
            editor.setSelection(range);
            line.scrollIntoView({ block: "nearest" });
        },
        destroy: () => {
            clearTimeout(timer);
            editor.destroy();
        },
    };
    handle.setContent(options.html, options.pictures);
    return handle;
}
