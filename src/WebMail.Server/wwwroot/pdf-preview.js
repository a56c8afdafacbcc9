// The PDF preview (/mail/messages/{id}/attachments/{n}/pdf, Rendering/PdfPreviewPage.cs). It runs in a page of no
// origin (its policy starts with "sandbox allow-scripts"): pdf.js, and whatever a hostile PDF might make of it,
// reaches neither the app's cookies nor its pages. pdf.js runs no script from a PDF: its scripting sandbox
// (pdf.sandbox.mjs) is not even shipped here. Pages are drawn into canvases with a text layer over them, so text
// can be selected, copied and read by a screen reader.
import { getDocument, GlobalWorkerOptions, TextLayer } from "./lib/pdfjs-dist/build/pdf.min.mjs";

const workerUrl = new URL("./lib/pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url).href;
const characterMaps = new URL("./lib/pdfjs-dist/cmaps/", import.meta.url).href;
// A page of no origin may not start a worker from a URL of this site, nor a module worker from a blob; a classic
// worker made from a blob of its own may, and that one imports the real worker. (Without a worker pdf.js would parse
// on the page's thread, which it shares with the app's tab.) Messages sent before the import has finished would be
// lost, so pdf.js gets the worker once it says it is ready.
async function startWorker() {
    const wrapper = URL.createObjectURL(new Blob([`import(${JSON.stringify(workerUrl)});`], { type: "text/javascript" }));
    const worker = new Worker(wrapper);
    await new Promise((resolve, reject) => {
        worker.addEventListener("message", function ready(event) {
            if (event.data?.action === "ready") {
                worker.removeEventListener("message", ready);
                resolve();
            }
        });
        worker.addEventListener("error", reject, { once: true });
    });
    URL.revokeObjectURL(wrapper);
    return worker;
}

// Beyond this many pages the preview stops and says so: the rest is for the download.
const maxPages = 100;
const body = document.body;
const status = document.getElementById("status");
const pages = document.getElementById("pages");

function embeddedPdf() {
    const base64 = document.getElementById("pdf-data").textContent;
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
}

const format = (template, ...values) => values.reduce((text, value, i) => text.replace(`{${i}}`, value), template);

async function drawPage(pdf, number) {
    const page = await pdf.getPage(number);
    const natural = page.getViewport({ scale: 1 });
    const scale = Math.min((pages.clientWidth - 16) / natural.width, 2);
    const viewport = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;

    const section = document.createElement("section");
    section.className = "page";
    section.setAttribute("aria-label", format(body.dataset.pageLabel, number, pdf.numPages));
    section.style.width = `${Math.floor(viewport.width)}px`;
    section.style.height = `${Math.floor(viewport.height)}px`;
    section.style.setProperty("--scale-factor", String(scale));
    const canvas = document.createElement("canvas");
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    const text = document.createElement("div");
    text.className = "textLayer";
    section.append(canvas, text);
    pages.append(section);

    await page.render({
        canvasContext: canvas.getContext("2d"),
        viewport,
        transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
    }).promise;
    await new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
    page.cleanup();
}

try {
    GlobalWorkerOptions.workerPort = await startWorker();
    const pdf = await getDocument({ data: embeddedPdf(), cMapUrl: characterMaps, cMapPacked: true, enableXfa: false }).promise;
    const shown = Math.min(pdf.numPages, maxPages);
    for (let number = 1; number <= shown; number++) {
        await drawPage(pdf, number);
    }
    status.textContent = shown < pdf.numPages ? format(body.dataset.pagesShown, shown, pdf.numPages) : "";
    status.hidden = shown === pdf.numPages;
    body.dataset.drawn = String(shown);
} catch (error) {
    status.textContent = body.dataset.failed;
    body.dataset.drawn = "failed";
    console.warn("PDF preview failed", error);
}
