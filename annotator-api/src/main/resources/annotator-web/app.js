// The annotator UI: plain JS, no dependencies. Every user-supplied string goes into the page
// through textContent (never innerHTML), so prompts, names and reasons are shown as text.
"use strict";
const $ = (id) => document.getElementById(id);
const VIEWS = ["login-view", "verify-view", "annotate-view", "review-view", "admin-view", "empty-view"];
const state = { me: null, view: null, task: null, heartbeat: null };

async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) { headers["Content-Type"] = "application/json"; }
  if (state.me && state.me.csrf && method !== "GET") { headers["X-CSRF-Token"] = state.me.csrf; }
  const r = await fetch(path, { method, headers, credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body) });
  let json = null;
  if ((r.headers.get("Content-Type") || "").includes("json")) { json = await r.json(); }
  if (r.status === 401 && path !== "/api/v1/login" && path !== "/api/v1/me") { showLogin("Session ended; sign in again."); }
  return { status: r.status, json };
}

function say(text, ok) {
  $("message").textContent = text || "";
  $("message").className = ok ? "ok" : "";
}

function show(view) {
  for (const v of VIEWS) { $(v).hidden = v !== view; }
  state.view = view;
}

function showLogin(text) {
  stopHeartbeat();
  state.me = null;
  $("nav").hidden = true;
  show("login-view");
  say(text);
}

async function signedIn(me) {
  state.me = me;
  $("nav").hidden = false;
  $("who").textContent = me.name + " (" + me.role + ")";
  $("nav-review").hidden = me.role === "annotator";
  $("nav-admin").hidden = me.role !== "admin";
  await openVerify();
}

// ---- leases -------------------------------------------------------------------------------
function startHeartbeat(task) {
  stopHeartbeat();
  const every = Math.max(5, task.lease_seconds / 3) * 1000;
  state.heartbeat = setInterval(async () => {
    const r = await api("POST", "/api/v1/tasks/" + task.id + "/heartbeat", { lease: task.lease });
    if (r.status !== 200) { stopHeartbeat(); say("Lease lost: " + (r.json ? r.json.error : r.status)); }
  }, every);
}

function stopHeartbeat() {
  if (state.heartbeat) { clearInterval(state.heartbeat); state.heartbeat = null; }
}

async function pull(kind) {
  stopHeartbeat();
  state.task = null;
  const r = await api("GET", "/api/v1/tasks/next?kind=" + kind);
  if (r.status === 204) {
    show("empty-view");
    $("empty-text").textContent = "Nothing to " + kind + " right now.";
    $("retry").onclick = () => (kind === "verify" ? openVerify() : kind === "annotate" ? openAnnotate() : openReview());
    return null;
  }
  if (r.status !== 200) { say(r.json ? r.json.error : "error " + r.status); return null; }
  state.task = r.json;
  startHeartbeat(r.json);
  return r.json;
}

// ---- verify -----------------------------------------------------------------------------------
async function openVerify() {
  say("");
  const t = await pull("verify");
  if (!t) { return; }
  show("verify-view");
  $("verify-prompt").textContent = t.prompt;
  $("verify-c1").textContent = t.categories[0];
  $("verify-c2").textContent = t.categories[1];
  $("verify-image").src = t.image;
  $("reject-reason").value = "";
  $("reject-preset").value = "";
}

async function decide(approve) {
  const t = state.task;
  if (!t || t.kind !== "verify") { return; }
  const reason = ($("reject-reason").value || $("reject-preset").value).trim();
  if (!approve && !reason) { say("Choose or type a reason to reject."); $("reject-reason").focus(); return; }
  const body = { lease: t.lease, decision: approve ? "approve" : "reject" };
  if (!approve) { body.reason = reason; }
  const r = await api("POST", "/api/v1/tasks/" + t.id + "/verify", body);
  if (r.status !== 200) { say(r.json ? r.json.error : "error " + r.status); return; }
  say(approve ? "Approved." : "Rejected.", true);
  await openVerify();
}

// ---- annotate ---------------------------------------------------------------------------------
const ann = { image: null, objects: [], current: 0, drag: null, painting: false };

function tool() { return document.querySelector("input[name=tool]:checked").value; }

async function openAnnotate() {
  say("");
  const t = await pull("annotate");
  if (!t) { return; }
  show("annotate-view");
  $("annotate-prompt").textContent = t.prompt;
  ann.objects = t.categories.map((c) => ({ category: c, clicks: [], box: null,
    mask: new Uint8Array(t.width * t.height), proposed: false, proposals: 0, accepted: false }));
  ann.current = 0;
  const img = new Image();
  img.onload = () => { ann.image = img; const cv = $("canvas"); cv.width = t.width; cv.height = t.height; renderTabs(); draw(); };
  img.src = t.image;
  $("latency").textContent = "–";
}

function renderTabs() {
  const tabs = $("category-tabs");
  tabs.textContent = "";
  ann.objects.forEach((o, i) => {
    const b = document.createElement("button");
    b.type = "button";
    b.id = "category-" + (i + 1);
    b.textContent = (i + 1) + ": " + o.category;
    b.className = "cat" + (i + 1) + (i === ann.current ? " current" : "") + (o.accepted ? " done" : "");
    b.onclick = () => { ann.current = i; renderTabs(); draw(); };
    tabs.appendChild(b);
  });
  $("submit").disabled = !ann.objects.every((o) => o.accepted);
}

const COLOURS = [[21, 101, 192], [198, 40, 40]];

function draw() {
  const cv = $("canvas");
  const g = cv.getContext("2d");
  if (!ann.image) { return; }
  g.drawImage(ann.image, 0, 0);
  const overlay = g.getImageData(0, 0, cv.width, cv.height);
  ann.objects.forEach((o, i) => {
    if (i !== ann.current && !o.accepted) { return; }
    const [r, gr, b] = COLOURS[i];
    const alpha = i === ann.current ? 0.5 : 0.3;
    for (let p = 0; p < o.mask.length; p++) {
      if (o.mask[p]) {
        const q = p * 4;
        overlay.data[q] = overlay.data[q] * (1 - alpha) + r * alpha;
        overlay.data[q + 1] = overlay.data[q + 1] * (1 - alpha) + gr * alpha;
        overlay.data[q + 2] = overlay.data[q + 2] * (1 - alpha) + b * alpha;
      }
    }
  });
  g.putImageData(overlay, 0, 0);
  const o = ann.objects[ann.current];
  for (const c of o.clicks) {
    g.beginPath();
    g.arc(c.x, c.y, 5, 0, 2 * Math.PI);
    g.fillStyle = c.positive ? "#00e676" : "#ff1744";
    g.fill();
    g.strokeStyle = "#000";
    g.stroke();
  }
  const box = ann.drag || o.box;
  if (box) { g.strokeStyle = "#ffea00"; g.lineWidth = 2; g.strokeRect(box[0], box[1], box[2], box[3]); g.lineWidth = 1; }
}

function pixel(e) {
  const cv = $("canvas");
  const r = cv.getBoundingClientRect();
  const x = Math.floor((e.clientX - r.left) * cv.width / r.width);
  const y = Math.floor((e.clientY - r.top) * cv.height / r.height);
  return [Math.min(cv.width - 1, Math.max(0, x)), Math.min(cv.height - 1, Math.max(0, y))];
}

async function propose() {
  const t = state.task;
  const o = ann.objects[ann.current];
  const body = { category: o.category, clicks: o.clicks };
  if (o.box) { body.box = o.box; }
  if (o.proposed && Rle.area(o.mask) > 0) { body.previous = { size: [t.height, t.width], counts: Rle.encode(o.mask, t.height, t.width) }; }
  if (!o.box && !o.clicks.some((c) => c.positive)) { o.mask.fill(0); draw(); return; }
  $("latency").textContent = "…";
  const r = await api("POST", "/api/v1/tasks/" + t.id + "/propose", body);
  if (r.status !== 200) { say(r.json ? r.json.error : "error " + r.status); $("latency").textContent = "failed"; return; }
  o.mask = Rle.decode(r.json.mask.counts, t.height, t.width);
  o.proposed = true;
  o.proposals++;
  o.accepted = false;
  $("latency").textContent = r.json.latency_ms + " ms (" + r.json.segmenter + "), " + r.json.area + " px";
  renderTabs();
  draw();
}

function paint(x, y, value) {
  const o = ann.objects[ann.current];
  const t = state.task;
  const rad = Number($("brush-size").value);
  for (let yy = Math.max(0, y - rad); yy <= Math.min(t.height - 1, y + rad); yy++) {
    for (let xx = Math.max(0, x - rad); xx <= Math.min(t.width - 1, x + rad); xx++) {
      if ((xx - x) * (xx - x) + (yy - y) * (yy - y) <= rad * rad) { o.mask[yy * t.width + xx] = value; }
    }
  }
  o.accepted = false;
}

function wireCanvas() {
  const cv = $("canvas");
  cv.addEventListener("contextmenu", (e) => e.preventDefault());
  cv.addEventListener("mousedown", (e) => {
    if (!state.task || state.task.kind !== "annotate") { return; }
    const [x, y] = pixel(e);
    const mode = tool();
    if (mode === "box") { ann.drag = [x, y, 0, 0]; ann.dragStart = [x, y]; return; }
    if (mode === "brush" || mode === "erase") { ann.painting = true; paint(x, y, mode === "brush" ? 1 : 0); draw(); return; }
    const positive = e.button === 0 && !e.shiftKey;
    ann.objects[ann.current].clicks.push({ x, y, positive });
    draw();
    propose();
  });
  cv.addEventListener("mousemove", (e) => {
    const [x, y] = pixel(e);
    if (ann.drag) {
      const [x0, y0] = ann.dragStart;
      ann.drag = [Math.min(x0, x), Math.min(y0, y), Math.abs(x - x0) + 1, Math.abs(y - y0) + 1];
      draw();
    } else if (ann.painting) {
      paint(x, y, tool() === "brush" ? 1 : 0);
      draw();
    }
  });
  window.addEventListener("mouseup", () => {
    if (ann.drag) {
      const box = ann.drag;
      ann.drag = null;
      if (box[2] > 3 && box[3] > 3) { ann.objects[ann.current].box = box; propose(); } else { draw(); }
    }
    if (ann.painting) { ann.painting = false; renderTabs(); }
  });
}

function acceptObject() {
  const o = ann.objects[ann.current];
  if (Rle.area(o.mask) === 0) { say("No mask yet for " + o.category + ": click the object first."); return; }
  o.accepted = true;
  say("Accepted " + o.category + ".", true);
  const next = ann.objects.findIndex((x) => !x.accepted);
  if (next >= 0) { ann.current = next; }
  renderTabs();
  draw();
}

async function submitMasks() {
  const t = state.task;
  if (!t || !ann.objects.every((o) => o.accepted)) { say("Accept a mask for both objects first."); return; }
  const objects = ann.objects.map((o) => ({ category: o.category, clicks: o.clicks.length,
    mask: { size: [t.height, t.width], counts: Rle.encode(o.mask, t.height, t.width) } }));
  const r = await api("POST", "/api/v1/tasks/" + t.id + "/submit", { lease: t.lease, objects });
  if (r.status !== 201) { say(r.json ? r.json.error : "error " + r.status); return; }
  say("Submitted.", true);
  await openAnnotate();
}

async function skip() {
  const t = state.task;
  if (t) { await api("POST", "/api/v1/tasks/" + t.id + "/release", { lease: t.lease }); }
  if (state.view === "annotate-view") { await openAnnotate(); } else if (state.view === "verify-view") { await openVerify(); }
}

// ---- review -----------------------------------------------------------------------------------
async function openReview() {
  say("");
  const t = await pull("review");
  if (!t) { return; }
  show("review-view");
  $("review-prompt").textContent = t.prompt;
  const r = await api("GET", "/api/v1/tasks/" + t.id + "/candidates");
  if (r.status !== 200) { say(r.json ? r.json.error : "error " + r.status); return; }
  const box = $("review-choices");
  box.textContent = "";
  const img = new Image();
  const masks = {};
  img.onload = () => {
    const cv = $("review-canvas");
    cv.width = t.width; cv.height = t.height;
    const redraw = () => {
      const g = cv.getContext("2d");
      g.drawImage(img, 0, 0);
      const data = g.getImageData(0, 0, t.width, t.height);
      t.categories.forEach((c, i) => {
        const chosen = document.querySelector("input[name='pick-" + i + "']:checked");
        if (!chosen) { return; }
        const m = masks[chosen.value];
        for (let p = 0; p < m.length; p++) {
          if (m[p]) { data.data[p * 4 + (i === 0 ? 2 : 0)] = 255; }
        }
      });
      g.putImageData(data, 0, 0);
    };
    t.categories.forEach((c, i) => {
      const h = document.createElement("h2");
      h.textContent = c;
      box.appendChild(h);
      (r.json.candidates[c] || []).forEach((cand, j) => {
        masks[cand.submission] = Rle.decode(cand.mask.counts, t.height, t.width);
        const label = document.createElement("label");
        const input = document.createElement("input");
        input.type = "radio"; input.name = "pick-" + i; input.value = cand.submission; input.checked = j === 0;
        input.onchange = redraw;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" by " + cand.by + " (best IoU with others "
          + cand.best_iou_with_others.toFixed(2) + ") "));
        box.appendChild(label);
      });
    });
    redraw();
  };
  img.src = t.image;
}

async function acceptReview() {
  const t = state.task;
  const choices = {};
  t.categories.forEach((c, i) => {
    const chosen = document.querySelector("input[name='pick-" + i + "']:checked");
    if (chosen) { choices[c] = Number(chosen.value); }
  });
  const r = await api("POST", "/api/v1/tasks/" + t.id + "/review", { lease: t.lease, choices });
  if (r.status !== 200) { say(r.json ? r.json.error : "error " + r.status); return; }
  say("Accepted.", true);
  await openReview();
}

// ---- admin ------------------------------------------------------------------------------------
function table(id, rows) {
  const tableEl = $(id);
  tableEl.textContent = "";
  if (!rows.length) { const tr = tableEl.insertRow(); tr.insertCell().textContent = "none"; return; }
  const head = tableEl.createTHead().insertRow();
  for (const k of Object.keys(rows[0])) { const th = document.createElement("th"); th.textContent = k; head.appendChild(th); }
  const body = tableEl.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const v of Object.values(row)) {
      tr.insertCell().textContent = v === null ? "–" : typeof v === "number" && !Number.isInteger(v) ? v.toFixed(3) : String(v);
    }
  }
}

async function openAdmin() {
  stopHeartbeat();
  say("");
  const r = await api("GET", "/api/v1/admin/stats");
  if (r.status !== 200) { say(r.json ? r.json.error : "error " + r.status); return; }
  show("admin-view");
  table("queues", r.json.queues);
  table("images", r.json.images);
  table("annotators", r.json.annotators);
  table("rejections", r.json.recent_rejections);
}

// ---- wiring -----------------------------------------------------------------------------------
function wire() {
  $("login-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const r = await api("POST", "/api/v1/login", { name: $("login-name").value, password: $("login-password").value });
    if (r.status !== 200) { say(r.json ? r.json.error : "error " + r.status); return; }
    $("login-password").value = "";
    await signedIn(r.json);
  });
  $("logout").onclick = async () => { await api("POST", "/api/v1/logout", {}); showLogin("Signed out."); };
  $("nav-verify").onclick = openVerify;
  $("nav-annotate").onclick = openAnnotate;
  $("nav-review").onclick = openReview;
  $("nav-admin").onclick = openAdmin;
  $("approve").onclick = () => decide(true);
  $("reject").onclick = () => decide(false);
  $("undo").onclick = () => { const o = ann.objects[ann.current]; o.clicks.pop(); o.proposed = false; propose(); };
  $("clear").onclick = () => { const o = ann.objects[ann.current]; o.clicks = []; o.box = null; o.mask.fill(0); o.proposed = false; o.accepted = false; renderTabs(); draw(); };
  $("accept").onclick = acceptObject;
  $("submit").onclick = submitMasks;
  $("skip").onclick = skip;
  $("review-accept").onclick = acceptReview;
  wireCanvas();
  document.addEventListener("keydown", (e) => {
    const typing = e.target instanceof HTMLInputElement && e.target.type !== "radio" && e.target.type !== "range";
    if (typing && e.key !== "Enter") { return; }
    if (state.view === "verify-view") {
      if (e.key === "a" || e.key === "A") { decide(true); } else if (e.key === "r" || e.key === "R" || (typing && e.key === "Enter")) { decide(false); }
    } else if (state.view === "annotate-view") {
      const keys = { c: "click", b: "box", p: "brush", e: "erase" };
      const k = e.key.toLowerCase();
      if (keys[k]) { document.querySelector("input[name=tool][value=" + keys[k] + "]").checked = true; }
      else if (k === "1" || k === "2") { ann.current = Number(k) - 1; renderTabs(); draw(); }
      else if (e.key === "Enter") { e.preventDefault(); acceptObject(); }
      else if (k === "s") { submitMasks(); }
      else if (k === "z") { $("undo").click(); }
      else if (e.key === "Escape") { $("clear").click(); }
    }
  });
}

window.addEventListener("DOMContentLoaded", async () => {
  wire();
  const r = await api("GET", "/api/v1/me");
  if (r.status === 200) { await signedIn(r.json); } else { showLogin(""); }
});
