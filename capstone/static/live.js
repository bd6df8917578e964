/* Live updates of a project's pages (capstone/realtime on the server).
 *
 * A page that wants them includes templates/_live.html, which names the project.
 * This script opens a Socket.IO connection (the login cookie goes with it), asks to
 * join the project, shows each event as a short notice, and refreshes the parts of
 * the page marked data-live-region by fetching the page again: the server renders
 * HTML in one place only, with its escaping, filters and permissions.
 */
(function () {
  "use strict";
  const notices = document.getElementById("live-notices");
  if (!notices || typeof io !== "function") {
    return;
  }
  const projectId = Number(notices.dataset.liveProject);
  const me = notices.dataset.liveUser;
  // WebSocket only, no long-polling: each connection then lives in one server
  // process, so several processes behind a proxy need no sticky sessions.
  const socket = io({ transports: ["websocket"] });

  function notify(text) {
    const notice = document.createElement("p");
    notice.className = "flash live";
    notice.textContent = text; // text, never HTML: names and titles are typed by users
    notices.prepend(notice);
    while (notices.children.length > 5) {
      notices.lastElementChild.remove();
    }
    setTimeout(() => notice.remove(), 10000);
  }

  let scheduled = null;
  function refresh() {
    // Several events in a burst (a move and a comment) make one request.
    clearTimeout(scheduled);
    scheduled = setTimeout(async () => {
      const response = await fetch(window.location.href, { headers: { Accept: "text/html" } });
      if (!response.ok) {
        notify("This page has changed: reload it to see why.");
        return;
      }
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      for (const region of document.querySelectorAll("[data-live-region]")) {
        const replacement = fresh.getElementById(region.id);
        if (replacement) {
          region.replaceWith(replacement);
        }
      }
    }, 150);
  }

  socket.on("connect", () => {
    notices.dataset.state = "connected";
    socket.emit("join", { project_id: projectId }, (answer) => {
      if (!answer.ok) {
        notify(answer.error);
      } else {
        notices.dataset.state = "joined";
      }
    });
  });
  socket.on("disconnect", () => {
    notices.dataset.state = "disconnected";
  });
  socket.on("task", (event) => {
    if (event.actor !== me) {
      notify(event.message);
    }
    refresh();
  });
  // Going from the board to a task is a "left" and, a moment later, a "joined":
  // wait before saying someone left, and say nothing if they are back by then.
  const leaving = new Map();
  socket.on("presence", (event) => {
    if (event.user === me) {
      return;
    }
    if (event.action === "left") {
      clearTimeout(leaving.get(event.user));
      leaving.set(event.user, setTimeout(() => {
        leaving.delete(event.user);
        notify(event.message);
      }, 3000));
    } else if (leaving.has(event.user)) {
      clearTimeout(leaving.get(event.user));
      leaving.delete(event.user);
    } else {
      notify(event.message);
    }
  });
})();
