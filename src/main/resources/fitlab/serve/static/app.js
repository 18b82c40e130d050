// fitlab serve: the live lab page. Plain modern JavaScript, no build step; charts with uPlot from the jar's WebJar.
// The page holds no logic of its own beyond drawing: every run, check and verdict comes from the server.
"use strict";

// Okabe-Ito, with the meanings the report gives them (one colour, one meaning, on every slide and on this page)
const COLOURS = {
  train: "#0072B2", validation: "#D55E00", test: "#009E73", noise: "#000000", best: "#CC79A7",
  patience: "#E69F00", criterion: "#56B4E9", truth: "#000000", fit: "#D55E00",
  underfit: "#56B4E9", good: "#009E73", overfit: "#D55E00", classes: ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"],
};

// How each page setting is shown: a slider range (log: the slider moves the exponent) and a number field.
const CONTROLS = {
  "data.noise": { min: 0, max: 1, step: 0.01 },
  "data.train": { min: 5, max: 1000, step: 1 },
  "model.degree": { min: 0, max: 30, step: 1 },
  "model.hidden": { hidden: true },
  "model.dropout": { min: 0, max: 0.9, step: 0.05 },
  "training.lr": { min: -5, max: 1, step: 0.1, log: true },
  "training.weight_decay": { min: 0, max: 0.1, step: 0.0005 },
  "training.epochs": { min: 1, max: 10000, step: 1 },
  "early_stopping.patience": { min: 0, max: 2000, step: 10 },
  "seed": { min: 0, max: 100, step: 1 },
};

const page = {
  lessons: [], words: {}, lang: "en", lesson: null, values: {}, changed: new Set(), sweeps: {}, sweepChanged: new Set(),
  run: null, state: "idle", cells: {}, order: [], capacity: [], events: null, chosenCell: null, dirty: false,
  lossPlot: null, lossPlotCell: null, capacityPlot: null,
};

const $ = (id) => document.getElementById(id);
const w = (key, ...args) => {
  let s = page.words[key] ?? key;
  args.forEach((a, i) => { s = s.split("{" + i + "}").join(String(a)); });
  return s;
};

async function getJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error((await r.json()).error);
  return r.json();
}

async function postJson(url, body) {
  const r = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body ?? {}) });
  const data = await r.json().catch(() => ({ error: "HTTP " + r.status }));
  return { status: r.status, ok: r.ok, data };
}

// ---------- words and language ----------

async function loadWords(lang) {
  page.words = await getJson("/api/words?lang=" + lang);
  page.lang = page.words.lang;
  document.documentElement.lang = page.lang === "zh" ? "zh-CN" : "en";
  document.querySelectorAll("[data-w]").forEach((el) => { el.textContent = w(el.dataset.w); });
  $("lang-switch").textContent = w("language");
  document.title = w("title");
  $("title").textContent = w("title");
  if (page.lesson) {
    $("question").textContent = page.lesson.question[page.lang] || page.lesson.question.en;
    buildSettings();
  }
  renderStatus();
  page.lossPlotCell = null; // rebuild the charts with the new labels
  page.fitKey = null;
  page.markerKey = null;
  if (page.capacityPlot) { page.capacityPlot.destroy(); page.capacityPlot = null; }
  page.dirty = true;
}

// ---------- lesson and settings (the URL holds them: lesson, every changed setting, seed, quick, lang) ----------

function readUrl() {
  const q = new URLSearchParams(location.search);
  return q;
}

function writeUrl() {
  const q = new URLSearchParams();
  q.set("lesson", page.lesson.id);
  for (const k of page.changed) q.set(k, String(page.values[k]));
  q.set("seed", String(page.values.seed));
  for (const p of page.sweepChanged) q.set("sweep." + p, page.sweeps[p]);
  if ($("quick").checked) q.set("quick", "1");
  q.set("lang", page.lang);
  const url = location.pathname + "?" + q.toString();
  history.replaceState(null, "", url);
  $("share").href = url;
}

function plain(v) {
  return Array.isArray(v) ? "[" + v.map(plain).join(", ") + "]" : String(v);
}

function chooseLesson(id, fromUrl) {
  page.lesson = page.lessons.find((l) => l.id === id) || page.lessons[0];
  $("lesson").value = page.lesson.id;
  page.values = {};
  page.changed = new Set();
  page.sweeps = {};
  page.sweepChanged = new Set();
  for (const [k, v] of Object.entries(page.lesson.settings)) page.values[k] = plain(v);
  sweepDefaults();
  if (fromUrl) {
    for (const [k, v] of fromUrl.entries()) {
      if (k in page.values) {
        if (k !== "seed" || v !== page.values.seed) page.changed.add(k);
        page.values[k] = v;
      } else if (k.startsWith("sweep.") && k.slice(6) in page.sweeps) {
        page.sweeps[k.slice(6)] = v;
        page.sweepChanged.add(k.slice(6));
      }
    }
    $("quick").checked = fromUrl.get("quick") === "1";
    sweepDefaults();
  }
  $("question").textContent = page.lesson.question[page.lang] || page.lesson.question.en;
  buildSettings();
  writeUrl();
}

// The swept values a run trains unless the student edits them: the quick run's when "quick" is ticked.
function sweepDefaults() {
  const quick = $("quick").checked;
  for (const a of page.lesson.sweep) {
    if (page.sweepChanged.has(a.path)) continue;
    const q = quick && (page.lesson.quickSweep || []).find((x) => x.path === a.path);
    page.sweeps[a.path] = plain((q || a).values);
    const field = $("sweep-" + a.path);
    if (field) field.value = page.sweeps[a.path];
  }
}

function hiddenParts(v) {
  const nums = String(v).replace(/[\[\]\s]/g, "").split(",").filter((s) => s.length).map(Number);
  return { width: nums[0] || 1, depth: nums.length || 1 };
}

function setValue(key, value) {
  page.values[key] = value;
  if (key === "seed") page.changed.add(key); else page.changed.add(key);
  const f = $("field-error-" + key);
  if (f) f.textContent = "";
  markSweeps();
  writeUrl();
}

function buildSettings() {
  const box = $("settings");
  box.innerHTML = "";
  for (const key of Object.keys(page.lesson.settings)) {
    const c = CONTROLS[key] || { min: 0, max: 100, step: 1 };
    const row = document.createElement("div");
    row.className = "setting";
    row.dataset.key = key;
    if (c.hidden) {
      const { width, depth } = hiddenParts(page.values[key]);
      row.innerHTML = `<label for="slider-model.width">${w("setting.model.width")}</label>
        <input type="range" id="slider-model.width" min="1" max="512" step="1" value="${width}">
        <input type="number" id="value-model.width" min="1" max="4096" value="${width}">
        <label for="slider-model.depth">${w("setting.model.depth")}</label>
        <input type="range" id="slider-model.depth" min="1" max="4" step="1" value="${depth}">
        <input type="number" id="value-model.depth" min="1" max="8" value="${depth}">
        <div class="field-error" id="field-error-${key}"></div>`;
      box.appendChild(row);
      const update = (from) => {
        const wv = Number($(from + "model.width").value), dv = Number($(from + "model.depth").value);
        $("slider-model.width").value = wv; $("value-model.width").value = wv;
        $("slider-model.depth").value = dv; $("value-model.depth").value = dv;
        setValue(key, "[" + Array(dv).fill(wv).join(", ") + "]");
      };
      for (const id of ["model.width", "model.depth"]) {
        $("slider-" + id).addEventListener("input", () => update("slider-"));
        $("value-" + id).addEventListener("change", () => update("value-"));
      }
      continue;
    }
    const v = Number(page.values[key]);
    const sliderValue = c.log ? Math.log10(Math.max(v, 1e-12)) : v;
    row.innerHTML = `<label for="slider-${key}">${w("setting." + key)}</label>
      <input type="range" id="slider-${key}" min="${c.min}" max="${c.max}" step="${c.step}" value="${sliderValue}">
      <input type="number" id="value-${key}" value="${page.values[key]}" step="any">
      <div class="field-error" id="field-error-${key}"></div>`;
    box.appendChild(row);
    const slider = $("slider-" + key), number = $("value-" + key);
    slider.addEventListener("input", () => {
      let x = Number(slider.value);
      if (c.log) x = Number(Math.pow(10, x).toPrecision(2));
      number.value = x;
      setValue(key, String(x));
    });
    number.addEventListener("change", () => {
      const x = Number(number.value);
      slider.value = c.log ? Math.log10(Math.max(x, 1e-12)) : x;
      setValue(key, number.value.trim());
    });
  }
  const sweeps = $("sweeps");
  sweeps.innerHTML = "";
  $("sweep-box").hidden = page.lesson.sweep.length === 0;
  for (const a of page.lesson.sweep) {
    const row = document.createElement("div");
    row.className = "sweep setting";
    row.dataset.key = "sweep." + a.path;
    row.innerHTML = `<label for="sweep-${a.path}">${a.path.split(".").join(".<wbr>")}</label><input type="text" id="sweep-${a.path}" value="${page.sweeps[a.path]}">
      <span></span><div class="field-error" id="field-error-sweep.${a.path}"></div>`;
    sweeps.appendChild(row);
    $("sweep-" + a.path).addEventListener("change", (e) => {
      page.sweeps[a.path] = e.target.value.trim();
      page.sweepChanged.add(a.path);
      writeUrl();
    });
  }
  markSweeps();
}

// A swept setting given a single value trains one cell (the loader drops the axis): the sweep field says so.
function markSweeps() {
  for (const a of page.lesson.sweep) {
    const row = document.querySelector(`.sweep[data-key="sweep.${a.path}"]`);
    if (row) row.classList.toggle("off", page.changed.has(a.path));
  }
}

function settingsToSend() {
  const s = {};
  for (const k of page.changed) s[k] = String(page.values[k]);
  // the seed goes only when the student moved it (it is in page.changed then): sent always, the default value cut a
  // lesson that sweeps seeds (11: twelve fits per degree) to one seed
  for (const p of page.sweepChanged) if (!page.changed.has(p)) s["sweep." + p] = page.sweeps[p];
  return s;
}

// ---------- runs ----------

function resetRun() {
  page.fitKey = null;
  page.markerKey = null;
  const fit = $("fit-chart");
  fit.getContext("2d").clearRect(0, 0, fit.width, fit.height);
  if (page.events) page.events.close();
  page.events = null;
  page.run = null;
  page.cells = {};
  page.order = [];
  page.capacity = [];
  page.chosenCell = null;
  page.lossPlotCell = null;
  $("cell").innerHTML = "";
  $("markers").innerHTML = "";
  $("verify-panel").hidden = true;
  $("files-panel").hidden = true;
  $("loss-chart").dataset.points = "0";
  $("fit-chart").dataset.fitEpoch = "-1";
  $("capacity-chart").dataset.points = "0";
  document.querySelectorAll(".field-error, .error").forEach((e) => { e.textContent = ""; });
}

async function train(yaml) {
  resetRun();
  const body = yaml ? { yaml, quick: $("quick").checked } : { lesson: page.lesson.id, settings: settingsToSend(), quick: $("quick").checked };
  const r = await postJson("/api/runs", body);
  if (!r.ok) {
    showError(r.data, !!yaml);
    return;
  }
  follow(r.data.id);
}

function showError(data, yaml) {
  const target = yaml ? $("yaml-error") : (data.field && $("field-error-" + data.field)) || $("error");
  target.textContent = data.error + (data.line ? ` (line ${data.line}, column ${data.column})` : "");
  if (yaml && data.line) {
    target.dataset.line = data.line;
    target.dataset.column = data.column;
  }
}

function follow(id) {
  page.run = id;
  page.state = "queued";
  renderStatus();
  page.events = new EventSource("/api/runs/" + id + "/events");
  page.events.addEventListener("update", (e) => apply(JSON.parse(e.data)));
}

function cellOf(id) {
  if (!page.cells[id]) {
    page.cells[id] = { id, rows: [], best: -1, markers: [], done: null, info: null, fit: null, facts: null };
    page.order.push(id);
    const o = document.createElement("option");
    o.value = id; o.textContent = id;
    $("cell").appendChild(o);
  }
  return page.cells[id];
}

function apply(u) {
  page.state = u.state;
  page.queue = u.queue;
  page.error = u.error;
  page.report = u.report;
  for (const [id, c] of Object.entries(u.cells)) {
    const cell = cellOf(id);
    if (c.rows) for (const r of c.rows) cell.rows.push(r);
    if (c.best !== undefined) cell.best = c.best;
    if (c.markers) cell.markers = c.markers;
    if (c.done) cell.done = c.done;
    if (c.info) cell.info = c.info;
    if (c.facts) cell.facts = c.facts;
    if (c.fit) cell.fit = c.fit;
  }
  if (u.capacity) page.capacity = u.capacity;
  page.dirty = true;
  renderStatus();
}

function renderStatus() {
  // before the first cell of a run: what will appear where, instead of two blank panels and an empty cell list
  const noCells = page.order.length === 0;
  $("loss-hint").hidden = !noCells;
  $("fit-hint").hidden = !noCells;
  $("cell").hidden = noCells;
  const s = page.state || "idle";
  const el = $("status");
  el.dataset.state = s;
  el.textContent = w("state." + s, page.queue || 0) + (page.error ? ": " + page.error : "");
  const active = s === "queued" || s === "running" || s === "reporting";
  $("train").disabled = active;
  $("yaml-train").disabled = active;
  $("stop").disabled = !active;
  $("verify").disabled = active || !page.run || s === "failed";
  $("continue").disabled = active || !page.run || !selectedCell() || !selectedCell().done;
}

// The cell the loss and fit panels show: the one the student picked, else the one training now, else the last.
function selectedCell() {
  if (page.chosenCell && page.cells[page.chosenCell]) return page.cells[page.chosenCell];
  const running = page.order.map((id) => page.cells[id]).filter((c) => c.rows.length && !c.done);
  if (running.length) return running[running.length - 1];
  const withRows = page.order.map((id) => page.cells[id]).filter((c) => c.rows.length);
  return withRows[withRows.length - 1] || null;
}

// ---------- drawing (at most once per animation frame, however many updates arrived) ----------

// Redrawn at most every DRAW_MS: the curves stay live while the browser leaves the cores to training.
const DRAW_MS = 100;
let lastDraw = 0;

function frame(now) {
  // the next frame is asked for first: an error in one panel (reported to the page's error handler) must not end
  // the drawing of every panel for good, as a throw inside uPlot once did
  requestAnimationFrame(frame);
  if (page.dirty && now - lastDraw >= DRAW_MS) {
    page.dirty = false;
    lastDraw = now;
    const c = selectedCell();
    if (c) {
      $("cell").value = c.id;
      drawLoss(c);
      const fitKey = c.id + "/" + (c.fit ? c.fit.epoch : -1) + "/" + !!c.info + "/" + page.lang;
      if (fitKey !== page.fitKey) {
        page.fitKey = fitKey;
        drawFit(c);
      }
      const markerKey = c.id + "/" + c.best + "/" + c.markers.length + "/" + !!c.done + "/" + page.lang;
      if (markerKey !== page.markerKey) {
        page.markerKey = markerKey;
        drawMarkers(c);
      }
    }
    drawCapacity();
    drawFiles();
    renderStatus();
  }
}

function sourceOf(cell) {
  const at = cell.id.indexOf("@");
  return at < 0 ? null : page.cells[cell.id.slice(0, at)];
}

// A training loss interpolated to rounding error (10⁻³⁰ past lesson 12's threshold, or exactly 0) is drawn at a
// millionth of the lowest held-out loss, as the report's capacity chart does: "zero" without thirty empty decades
// (which also made uPlot's log axis throw, leaving both charts blank).
const LOG_FLOOR_BELOW_HELD_OUT = 1e-6;

function raiseToLogFloor(columns, heldOut) {
  let lowest = Infinity;
  for (const col of heldOut) if (col) for (const v of col) if (v !== null && v > 0 && v < lowest) lowest = v;
  if (!isFinite(lowest)) return;
  const lo = lowest * LOG_FLOOR_BELOW_HELD_OUT;
  for (const col of columns) col.forEach((v, i) => { if (v !== null && v < lo) col[i] = lo; });
}

function noiseFloorOf(cell) {
  const base = sourceOf(cell) || cell;
  return (base.facts && base.facts.noiseFloor) ?? (base.done && base.done.noiseFloor) ?? null;
}

function lossData(cell) {
  const src = sourceOf(cell);
  const base = src || cell;
  const cont = src ? cell : null;
  const n = base.rows.length + (cont ? cont.rows.length : 0);
  const cols = Array.from({ length: cont ? 8 : 5 }, () => new Array(n).fill(null));
  const floor = noiseFloorOf(cell);
  base.rows.forEach((r, i) => { cols[0][i] = r[0]; cols[1][i] = r[1]; cols[2][i] = r[2]; cols[3][i] = r[3]; cols[4][i] = floor; });
  if (cont) {
    cont.rows.forEach((r, j) => {
      const i = base.rows.length + j;
      cols[0][i] = r[0]; cols[5][i] = r[1]; cols[6][i] = r[2]; cols[7][i] = r[3]; cols[4][i] = floor;
    });
  }
  raiseToLogFloor([cols[1], cols[2], cols[3]].concat(cont ? [cols[5], cols[6], cols[7]] : []), [cols[2], cols[3], cols[6], cols[7]]);
  // data without a noise floor (classes) has no floor series at all: the chart's series are those of drawLoss
  if (floor === null) cols.splice(4, 1);
  return cols;
}

function markerLines(cell) {
  const src = sourceOf(cell) || cell;
  const lines = [];
  if (src.best >= 0) lines.push({ epoch: src.best, colour: COLOURS.best, label: w("marker.best", src.best), dash: [] });
  for (const m of src.markers) {
    if (m.name === "best") continue;
    lines.push({ epoch: m.epoch, colour: m.name === "patience" ? COLOURS.patience : COLOURS.criterion,
      label: m.name === "patience" ? w("marker.patience", m.epoch)
        : m.name === "diverged" ? w("marker.stop.diverged", m.epoch) : w("marker.other", m.name, m.epoch), dash: [6, 4] });
  }
  return lines;
}

function drawLoss(cell) {
  const el = $("loss-chart");
  const data = lossData(cell);
  if (page.lossPlotCell !== cell.id || !page.lossPlot || page.lossPlotFloor !== noiseFloorOf(cell)) {
    page.lossPlotFloor = noiseFloorOf(cell);
    if (page.lossPlot) page.lossPlot.destroy();
    const series = (label, stroke, dash) => ({ label, stroke, width: 2, dash, spanGaps: false, points: { show: false } });
    page.lossPlot = new uPlot({
      width: Math.max(520, el.clientWidth || 620), height: 340,
      legend: { live: false },
      scales: { x: { time: false }, y: { distr: 3 } },
      axes: [{ label: w("axis.epoch"), incrs: EPOCH_INCRS }, lossAxis()],
      series: [
        { label: w("axis.epoch") },
        series(w("series.train"), COLOURS.train), series(w("series.validation"), COLOURS.validation),
        series(w("series.test"), COLOURS.test),
      ].concat(noiseFloorOf(cell) === null ? [] : [series(w("series.noiseFloor", noiseFloorOf(cell).toPrecision(2)), COLOURS.noise, [4, 4])])
      .concat(sourceOf(cell) ? [
        series(w("series.train") + " ▸", COLOURS.train, [8, 4]), series(w("series.validation") + " ▸", COLOURS.validation, [8, 4]),
        series(w("series.test") + " ▸", COLOURS.test, [8, 4])] : []),
      hooks: { draw: [(u) => drawVerticals(u, markerLines(page.cells[page.lossPlotCell] || cell))] },
    }, data, el);
    page.lossPlotCell = cell.id;
  } else {
    page.lossPlot.setData(data);
  }
  el.dataset.points = String(cell.rows.length);
  el.dataset.bestEpoch = String((sourceOf(cell) || cell).best);
}

function drawVerticals(u, lines) {
  const ctx = u.ctx;
  ctx.save();
  ctx.font = `${12 * devicePixelRatio}px sans-serif`;
  ctx.textAlign = "left";
  ctx.textBaseline = "alphabetic";
  for (const l of lines) {
    const x = u.valToPos(l.epoch, "x", true);
    if (!isFinite(x)) continue;
    ctx.strokeStyle = l.colour;
    ctx.fillStyle = l.colour;
    ctx.lineWidth = 2 * devicePixelRatio;
    ctx.setLineDash(l.dash.map((d) => d * devicePixelRatio));
    ctx.beginPath();
    ctx.moveTo(x, u.bbox.top);
    ctx.lineTo(x, u.bbox.top + u.bbox.height);
    ctx.stroke();
    // a label that would run past the plot's right edge (the best epoch is the newest while the loss still falls)
    // is written to the left of its line
    const width = ctx.measureText(l.label).width;
    const right = x + 4 + width > u.bbox.left + u.bbox.width;
    ctx.fillText(l.label, right ? x - 4 - width : x + 4, u.bbox.top + 14 * devicePixelRatio * (1 + lines.indexOf(l)));
  }
  ctx.restore();
}

function drawMarkers(cell) {
  const ul = $("markers");
  ul.innerHTML = "";
  for (const l of markerLines(cell)) {
    const li = document.createElement("li");
    li.textContent = l.label;
    li.style.color = l.colour;
    li.className = l.colour === COLOURS.best ? "marker-best" : "marker";
    ul.appendChild(li);
  }
  // a divergence is already named by its marker, in the page's language; the stop line would say it twice
  if (cell.done && cell.done.stopReason !== "diverged") {
    const li = document.createElement("li");
    // the reason in the page's language: the report's words for an early stop, the page's for a run that went the distance
    const facts = (sourceOf(cell) || cell).facts;
    const reason = cell.done.stopReason;
    const key = reason !== "completed" ? "marker.stop." + reason : facts && facts.closedForm ? "stop.solved" : "stop.completed";
    li.textContent = key in page.words ? w(key, cell.done.stopEpoch) : w("stopped", cell.done.stopEpoch, reason);
    ul.appendChild(li);
  }
}

// The training points' shapes by class, as on the report's boundary charts: told apart without their colours.
const CLASS_SHAPES = ["circle", "triangle", "diamond", "square"];

function marker(ctx, x, y, r, shape) {
  ctx.beginPath();
  if (shape === "triangle") {
    ctx.moveTo(x, y - 1.2 * r); ctx.lineTo(x + 1.1 * r, y + 0.8 * r); ctx.lineTo(x - 1.1 * r, y + 0.8 * r); ctx.closePath();
  } else if (shape === "diamond") {
    ctx.moveTo(x, y - 1.3 * r); ctx.lineTo(x + 1.1 * r, y); ctx.lineTo(x, y + 1.3 * r); ctx.lineTo(x - 1.1 * r, y); ctx.closePath();
  } else if (shape === "square") {
    ctx.rect(x - r, y - r, 2 * r, 2 * r);
  } else {
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
}

function drawFit(cell) {
  const canvas = $("fit-chart");
  const info = cell.info || (sourceOf(cell) && sourceOf(cell).info);
  if (!info) return;
  const fit = cell.fit;
  const two = !!info.g1;
  // a plane needs room in both directions: the boundary panel is taller, and drawn at one scale for x1 and x2
  const height = two ? 460 : 300;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext("2d");
  const W = canvas.width, H = canvas.height, pad = 40, top = two ? 52 : pad;
  ctx.clearRect(0, 0, W, H);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, W, H);
  $("fit-title").textContent = w(two ? "panel.boundary" : "panel.fit") + (fit ? " — " + w("series.fitAtEpoch", fit.epoch) : "");
  const xs = two ? info.g1 : info.gx.concat(info.px);
  const ys = two ? info.g2 : info.py.concat(info.ty || []).concat(fit && fit.y ? fit.y.filter((v) => v !== null) : []);
  let x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  if (!two) {
    const ty = (info.ty || info.py);
    const t0 = Math.min(...ty, ...info.py), t1 = Math.max(...ty, ...info.py), span = t1 - t0 || 1;
    y0 = Math.max(y0, t0 - span); y1 = Math.min(y1, t1 + span); // an overfit curve's wild swings are clipped, not rescaled
  }
  let left = pad, pw = W - 2 * pad, ph = H - top - pad, ptop = top;
  if (two) {
    // one unit is as long across as up: a circle of points stays a circle, a spiral is not squashed
    const unit = Math.min(pw / (x1 - x0 || 1), ph / (y1 - y0 || 1));
    const nw = unit * (x1 - x0 || 1), nh = unit * (y1 - y0 || 1);
    left += (pw - nw) / 2; ptop += (ph - nh) / 2; pw = nw; ph = nh;
  }
  const X = (v) => left + (v - x0) / (x1 - x0 || 1) * pw;
  const Y = (v) => ptop + ph - (v - y0) / (y1 - y0 || 1) * ph;
  if (two && fit && fit.cls) {
    // cells meet on whole pixels: overlapping see-through cells drew a darker seam along every grid line
    const n = info.g1.length;
    const gx = (i) => Math.round(left + i * pw / n), gy = (i) => Math.round(ptop + ph - i * ph / n);
    for (let iy = 0; iy < n; iy++) {
      for (let ix = 0; ix < n; ix++) {
        const r = iy * n + ix;
        ctx.globalAlpha = 0.15 + 0.45 * Math.max(0, (fit.p[r] - 0.5) * 2);
        ctx.fillStyle = COLOURS.classes[fit.cls[r] % COLOURS.classes.length];
        ctx.fillRect(gx(ix), gy(iy + 1), gx(ix + 1) - gx(ix), gy(iy) - gy(iy + 1));
      }
    }
    ctx.globalAlpha = 1;
  }
  ctx.strokeStyle = "#888";
  ctx.lineWidth = 1;
  ctx.strokeRect(left, ptop, pw, ph);
  ctx.fillStyle = "#333";
  ctx.font = "12px sans-serif";
  ctx.textAlign = "left";
  ctx.fillText(x0.toPrecision(3), left, ptop + ph + 14);
  ctx.textAlign = "right";
  ctx.fillText(x1.toPrecision(3), left + pw, ptop + ph + 14);
  ctx.fillText(y1.toPrecision(3), left - 4, ptop + 10);
  ctx.fillText(y0.toPrecision(3), left - 4, ptop + ph);
  ctx.textAlign = "left";
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, ptop, pw, ph);
  ctx.clip();
  const line = (xv, yv, colour, dash, width) => {
    ctx.strokeStyle = colour; ctx.lineWidth = width; ctx.setLineDash(dash);
    ctx.beginPath();
    let started = false;
    xv.forEach((x, i) => {
      if (yv[i] === null) { started = false; return; }
      if (!started) ctx.moveTo(X(x), Y(yv[i])); else ctx.lineTo(X(x), Y(yv[i]));
      started = true;
    });
    ctx.stroke();
    ctx.setLineDash([]);
  };
  // the points first and the curves over them: with the page's 1,000 training points, opaque dots drawn last hid
  // the fit and the true function entirely; a dense cloud is drawn smaller and see-through
  const dense = !two && info.px.length > 200;
  ctx.globalAlpha = dense ? 0.45 : 1;
  info.px.forEach((x, i) => {
    const k = info.labels ? info.labels[i] : 0;
    marker(ctx, X(x), Y(info.py[i]), dense ? 2.5 : 4, info.labels ? CLASS_SHAPES[k % CLASS_SHAPES.length] : "circle");
    ctx.fillStyle = info.labels ? COLOURS.classes[k % COLOURS.classes.length] : COLOURS.train;
    ctx.fill();
    if (!dense) { ctx.strokeStyle = "#fff"; ctx.lineWidth = 1; ctx.stroke(); }
  });
  ctx.globalAlpha = 1;
  if (!two && info.ty) line(info.gx, info.ty, COLOURS.truth, [6, 4], 2);
  if (!two && fit && fit.y) line(info.gx, fit.y, COLOURS.fit, [], 2.5);
  ctx.restore();
  // legend: a curve's swatch is a line; a class's, its point shape and colour
  ctx.font = "13px sans-serif";
  let lx = pad + 6;
  const entry = (draw, label) => { draw(lx); ctx.fillStyle = "#222"; ctx.fillText(label, lx + 18, 16); lx += ctx.measureText(label).width + 36; };
  const lineSwatch = (colour) => (x) => { ctx.fillStyle = colour; ctx.fillRect(x, 10, 14, 4); };
  if (two) {
    const classes = [...new Set(info.labels)].sort((a, b) => a - b);
    for (const k of classes) {
      entry((x) => {
        marker(ctx, x + 7, 12, 5, CLASS_SHAPES[k % CLASS_SHAPES.length]);
        ctx.fillStyle = COLOURS.classes[k % COLOURS.classes.length]; ctx.fill();
      }, w("series.class", k));
    }
    ctx.fillStyle = "#444";
    ctx.fillText(w("legend.regions"), pad + 6, 36);
  } else {
    entry((x) => { marker(ctx, x + 7, 12, 4, "circle"); ctx.fillStyle = COLOURS.train; ctx.fill(); }, w("series.trainPoints", info.px.length));
    if (info.ty) entry(lineSwatch(COLOURS.truth), w("series.trueFunction", info.formula || ""));
    if (fit) entry(lineSwatch(COLOURS.fit), w("series.fitAtEpoch", fit.epoch));
  }
  canvas.dataset.fitEpoch = fit ? String(fit.epoch) : "-1";
}

// The capacity curve of the selected cell's group (the other swept settings: kind=spiral), as the report draws one
// chart per group; each point's x and its axis come from the server, by the report's rules.
function capacityGroup() {
  const c = selectedCell();
  const base = c && (sourceOf(c) || c);
  if (base && base.facts && base.facts.group !== undefined) return base.facts.group;
  return page.capacity.length ? page.capacity[0].group : "";
}

function capacityPoints() {
  const group = capacityGroup();
  return page.capacity.filter((p) => (p.validation !== null || p.diverged) && p.group === group).sort((a, b) => a.x - b.x);
}

// Loss ticks as a teacher reads them: 0.05, 0.001, 1e-4 (never a 1e-4 rounded to "0").
const lossTicks = (u, vals) => vals.map((v) => (v == null ? ""
  : v >= 0.001 && v < 1e5 ? String(+v.toPrecision(3)) : v.toExponential(0).replace("e+", "e")));

// Ticks of a log loss axis: 1, 2, 5 × 10ᵏ over a few decades; over many (lesson 12's 10⁻⁷ to 10¹⁰), every decade or
// every few, at most about seven labels, so that they never pile up on each other.
function logLossSplits(u, axisIdx, min, max) {
  const a = Math.floor(Math.log10(min) + 1e-9), b = Math.ceil(Math.log10(max) - 1e-9), out = [];
  const within = (v) => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9);
  if (b - a <= 3) {
    for (let k = a; k <= b; k++) for (const m of [1, 2, 5]) if (within(m * 10 ** k)) out.push(m * 10 ** k);
  } else {
    const step = Math.max(1, Math.ceil((b - a) / 7));
    for (let k = Math.ceil(a / step) * step; k <= b; k += step) if (within(10 ** k)) out.push(10 ** k);
  }
  return out;
}
// every split labelled: uPlot's own log filter keeps only labels whose text starts with a 1, which hid 0.001 and 1e-6
const lossAxis = () => ({ label: w("axis.lossGeneric"), size: 70, values: lossTicks, splits: logLossSplits, filter: (u, splits) => splits });
// epochs are whole numbers: a least-squares cell's two rows (epochs 0 and 1) get no 0.2, 0.4, ...
const EPOCH_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1e3, 2e3, 2500, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7];

function drawCapacity() {
  const points = capacityPoints();
  const group = capacityGroup();
  const panel = $("capacity-panel");
  panel.hidden = !page.lesson || page.lesson.sweep.length === 0 || page.order.filter((id) => !id.includes("@")).length < 2;
  if (panel.hidden || points.length === 0) return;
  const axis = points[0].axis, log = points[0].logX, zeroAt = points[0].zeroAt;
  const name = axis === "parameters" ? w("axis.parameters") : axis === "model.degree" ? w("axis.degree") : axis;
  // a 0 on a log axis sits at a stand-in position one step left of the smallest value, labelled "0", as on the slides
  const axisLabel = zeroAt == null ? name : w("axis.settingLogZero", name, String(points[0].firstPositive));
  const categories = points[0].categories;
  const xTicks = categories ? (u, vals) => vals.map((v) => categories[v] ?? "")
    : zeroAt == null ? undefined
    : (u, vals) => vals.map((v) => (v == null ? "" : Math.abs(Math.log10(v / zeroAt)) < 1e-6 ? "0" : String(+v.toPrecision(3))));
  // words (a basis, a data kind) sit at 0, 1, 2, ... with a tick each and half a step of room on either side
  const xScale = categories ? { time: false, range: () => [-0.5, categories.length - 0.5] } : { time: false, distr: log ? 3 : 1 };
  const xAxisOpts = categories ? { label: axisLabel, values: xTicks, splits: () => categories.map((c, i) => i) }
    : xTicks ? { label: axisLabel, values: xTicks } : { label: axisLabel };
  const title = points[0].curve === "setting" ? w("panel.setting", axis === "parameters" ? name : axis) : w("panel.capacity");
  $("capacity-title").textContent = title + (group ? " — " + group : "");
  const loss = (p, key) => (p.diverged ? null : p[key]);
  const data = [points.map((p) => p.x), points.map((p) => loss(p, "train")), points.map((p) => loss(p, "validation")),
    points.map((p) => loss(p, "test"))];
  raiseToLogFloor([data[1], data[2], data[3]], [data[2], data[3]]);
  const el = $("capacity-chart");
  const key = group + "/" + axis + "/" + log + "/" + zeroAt + "/" + (categories || []).join("|") + "/" + page.lang;
  if (!page.capacityPlot || page.capacityKey !== key) {
    if (page.capacityPlot) page.capacityPlot.destroy();
    page.capacityKey = key;
    const s = (label, stroke) => ({ label, stroke, width: 2, points: { show: true, size: 7, fill: stroke } });
    page.capacityPlot = new uPlot({
      width: Math.max(520, el.clientWidth || 620), height: 280,
      legend: { live: false },
      scales: { x: xScale, y: { distr: 3 } },
      axes: [xAxisOpts, lossAxis()],
      series: [{ label: name }, s(w("series.train"), COLOURS.train),
        s(w("series.validation"), COLOURS.validation), s(w("series.test"), COLOURS.test)],
      hooks: { drawClear: [(u) => shadeRegions(u)], draw: [(u) => drawVerticals(u, divergedLines()), (u) => ringSelected(u)] },
    }, data, el);
  } else {
    page.capacityPlot.setData(data);
  }
  el.dataset.points = String(points.length);
  el.dataset.group = group;
}

// A ring around the point of the cell the loss and fit panels show, so the student sees where on the curve it sits.
function ringSelected(u) {
  const c = selectedCell();
  if (!c) return;
  const id = (sourceOf(c) || c).id; // a continued cell sits where its base cell does
  const p = capacityPoints().find((q) => !q.diverged && q.validation !== null && q.cells.includes(id));
  const el = $("capacity-chart");
  el.dataset.selected = p ? p.cell : "";
  if (!p) return;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = "#222";
  ctx.lineWidth = 2 * devicePixelRatio;
  ctx.beginPath();
  ctx.arc(u.valToPos(p.x, "x", true), u.valToPos(Math.max(p.validation, u.scales.y.min), "y", true), 8 * devicePixelRatio, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.restore();
}

// A diverged setting's x, dotted and named at the top, where a point would mislead.
function divergedLines() {
  return capacityPoints().filter((p) => p.diverged).map((p) => ({ epoch: p.x, colour: COLOURS.validation, dash: [2, 4],
    label: w("marker.settingDiverged", p.axis === "parameters" ? p.parameters
      : p.categories ? p.categories[p.x] : String(p.values[p.axis])) }));
}

// Under/good/overfit bands behind the capacity curve, each cell's band reaching halfway to its neighbours; a band's
// name is written once where a run of equal verdicts begins.
function shadeRegions(u) {
  const sorted = capacityPoints();
  const ctx = u.ctx;
  ctx.save();
  let labelledTo = -Infinity; // where the last band name ends: a name that would overlap it is left out
  sorted.forEach((p, i) => {
    const colour = COLOURS[p.diagnosis];
    if (!colour) return;
    const here = u.valToPos(p.x, "x", true);
    const left = i > 0 ? (u.valToPos(sorted[i - 1].x, "x", true) + here) / 2 : u.bbox.left;
    const right = i < sorted.length - 1 ? (u.valToPos(sorted[i + 1].x, "x", true) + here) / 2 : u.bbox.left + u.bbox.width;
    ctx.globalAlpha = 0.15;
    ctx.fillStyle = colour;
    ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height);
    if (i === 0 || sorted[i - 1].diagnosis !== p.diagnosis) {
      ctx.globalAlpha = 0.9;
      ctx.font = `${11 * devicePixelRatio}px sans-serif`;
      ctx.textAlign = "left"; // uPlot leaves its last axis's alignment on the context
      ctx.textBaseline = "alphabetic";
      const label = w("region." + p.diagnosis), at = Math.max(left + 4, labelledTo + 6 * devicePixelRatio);
      if (at + ctx.measureText(label).width <= u.bbox.left + u.bbox.width) {
        ctx.fillText(label, at, u.bbox.top + u.bbox.height - 6);
        labelledTo = at + ctx.measureText(label).width;
      }
    }
  });
  ctx.restore();
}

function drawFiles() {
  const panel = $("files-panel");
  const finished = page.state === "finished" || page.state === "stopped";
  panel.hidden = !page.run || !finished;
  if (panel.hidden) return;
  const ul = $("files");
  const key = page.run + "/" + page.order.length + "/" + page.report;
  if (ul.dataset.key === key) return;
  ul.dataset.key = key;
  ul.innerHTML = "";
  if (page.report) {
    const li = document.createElement("li");
    li.innerHTML = `<a id="report-link" href="/api/runs/${page.run}/report/index.html" target="_blank">${w("report")}</a>`;
    ul.appendChild(li);
  }
  for (const id of page.order) {
    const li = document.createElement("li");
    const base = `/api/runs/${page.run}/cells/${encodeURIComponent(id)}/`;
    li.innerHTML = `${id}: <a class="download" data-cell="${id}" data-file="best.pth" href="${base}best.pth" download>best.pth</a>
      <a class="download" data-cell="${id}" data-file="last.pth" href="${base}last.pth" download>last.pth</a>
      <a href="${base}metrics.csv" download>metrics.csv</a>`;
    const facts = (sourceOf(page.cells[id]) || page.cells[id]).facts;
    if (facts && facts.wholeModel && !id.includes("@")) {
      li.innerHTML += ` <a class="download" data-cell="${id}" data-file="model.whole.pth" href="${base}model.whole.pth" download>model.whole.pth</a>`;
    }
    ul.appendChild(li);
  }
}

// ---------- verify ----------

async function verify() {
  $("verify-panel").hidden = false;
  $("verify-verdict").textContent = "…";
  $("verify-verdict").className = "";
  const r = await postJson("/api/runs/" + page.run + "/verify");
  if (!r.ok) {
    $("verify-verdict").textContent = r.data.error;
    $("verify-verdict").className = "bad";
    return;
  }
  const v = r.data;
  $("verify-verdict").textContent = v.ok ? w("verify.ok", v.checkpoints, v.cells) : w("verify.failed", v.failed, v.checkpoints);
  $("verify-verdict").className = v.ok ? "ok" : "bad";
  const t = $("verify-table");
  const f = (x) => (x === null ? "–" : x.toPrecision(17));
  let html = `<tr><th>${w("cell")}</th><th>epoch</th><th>${w("series.validation")} (${w("verify.logged")})</th>
    <th>${w("series.validation")} (${w("verify.reloaded")})</th><th>${w("verify.result")}</th></tr>`;
  for (const c of v.checks) {
    html += `<tr><td>${c.cell}</td><td>${c.epoch}</td><td>${f(c.logged[1])}</td><td>${f(c.reloaded[1])}</td><td>${c.ok ? w("verify.equal") : c.problem}</td></tr>`;
  }
  t.innerHTML = html;
}

// ---------- start ----------

async function main() {
  const q = readUrl();
  await loadWords(q.get("lang") === "zh" ? "zh" : "en");
  page.lessons = await getJson("/api/lessons");
  const select = $("lesson");
  for (const l of page.lessons) {
    const o = document.createElement("option");
    o.value = l.id; o.textContent = l.id;
    select.appendChild(o);
  }
  chooseLesson(q.get("lesson"), q);
  select.addEventListener("change", () => { resetRun(); page.state = "idle"; chooseLesson(select.value, null); renderStatus(); });
  $("quick").addEventListener("change", () => { sweepDefaults(); writeUrl(); });
  $("train").addEventListener("click", () => train(null));
  $("yaml-train").addEventListener("click", () => train($("yaml").value));
  $("stop").addEventListener("click", () => page.run && postJson("/api/runs/" + page.run + "/stop"));
  $("verify").addEventListener("click", verify);
  $("continue").addEventListener("click", async () => {
    const c = selectedCell();
    const src = sourceOf(c) || c;
    const r = await postJson("/api/runs/" + page.run + "/continue", { cell: src.id, epochs: Number($("continue-epochs").value) });
    if (!r.ok) $("error").textContent = r.data.error;
    page.chosenCell = null;
  });
  $("cell").addEventListener("change", (e) => { page.chosenCell = e.target.value; page.dirty = true; });
  $("lang-switch").addEventListener("click", async () => { await loadWords(page.lang === "zh" ? "en" : "zh"); writeUrl(); });
  renderStatus();
  requestAnimationFrame(frame);
}

main();
