// Starts Blazor (App.razor loads blazor.web.js with autostart="false"), with two round trips fewer before a page is
// live than Blazor's own start takes: 0.8 s on a slow phone line (docs/benchmarks.md).
(function () {
    "use strict";
    const provenKey = "webmail.websocket";
    const webSockets = 1; // SignalR's HttpTransportType.WebSockets

    // 1. Blazor would first ask the server which JavaScript initializers libraries bring (GET /_blazor/initializers).
    //    None of this app's libraries brings one, so it is told so. PageStartTests fails if the server ever lists one.
    // 2. SignalR asks the server which transports it offers (POST /_blazor/negotiate) before opening the WebSocket,
    //    so that a proxy which does not pass WebSockets gets long polling instead. The sign-in page finds out whether
    //    WebSockets get through (below); when they did in this tab, the live connection opens its WebSocket at once.
    let proven = false;
    try {
        proven = sessionStorage.getItem(provenKey) === "1";
    } catch {
        // Storage refused (a privacy setting): Blazor's own start.
    }

    Blazor.start({
        circuit: {
            initializers: { beforeStart: [], afterStarted: [] },
            configureSignalR: builder => {
                if (proven) {
                    builder.withUrl("_blazor", { skipNegotiation: true, transport: webSockets });
                }
            },
        },
    });

    // The sign-in page has no live connection: while the user types, open a WebSocket to the same address Blazor
    // uses (SignalR accepts one without negotiating) and close it once open. A proxy that blocks it leaves the flag
    // unset, and the pages after sign-in negotiate as Blazor always does.
    if (!proven && document.getElementById("username")) {
        try {
            const address = new URL("_blazor", document.baseURI);
            address.protocol = address.protocol === "https:" ? "wss:" : "ws:";
            const probe = new WebSocket(address);
            probe.onopen = () => {
                try {
                    sessionStorage.setItem(provenKey, "1");
                } catch {
                    // Not remembered: the next page negotiates.
                }
                probe.close();
            };
            probe.onerror = () => probe.close();
        } catch {
            // No WebSocket here at all: Blazor's own start will fall back.
        }
    }
})();
