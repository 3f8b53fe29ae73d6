"use strict";
// The Evidence Console's script. Everything it knows comes from the page the generator wrote:
// the forms (one control per input of an operation), the evidence panes, and the readiness
// gates as data (#gate-rules). Opened from a file it builds requests and judges evidence by
// those gates; served by `cavra serve` it also sends requests and asks the API to judge.

const gateRules = JSON.parse(document.getElementById("gate-rules").textContent);
/** Set once `GET /console/config` answers: the API's routes. */
let api = null;

// ---- Readiness gates, as `cavra_runtime::gate` evaluates them (same blockers, word for word).

function lookup(doc, path) {
  let value = doc;
  for (const key of path) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/** Rust's `char::is_whitespace` (Unicode White_Space), which `str::trim` strips. */
const BLANK = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$/;

function isEmpty(v) {
  if (v === undefined || v === null) return true;
  if (typeof v === "string") return BLANK.test(v);
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object") return Object.keys(v).length === 0;
  return false;
}

function kindOf(v) {
  if (v === null) return "null";
  if (typeof v === "boolean") return "a boolean";
  if (typeof v === "number") return "a number";
  if (typeof v === "string") return "a string";
  if (Array.isArray(v)) return "a list";
  return "an object";
}

/** A value in a blocker: a vocabulary word as written, anything else by kind (no free text). */
function describe(v) {
  if (v === undefined || v === null) return "missing";
  if (typeof v === "string" && /^[A-Za-z0-9_]{1,64}$/.test(v)) return "`" + v + "`";
  return kindOf(v);
}

function same(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same(a[k], b[k]));
}

/** `null` when the condition holds, else what failed. */
function failure(doc, condition) {
  const [rule, args] = Object.entries(condition)[0];
  const shown = (path) => path.join(".");
  if (rule === "equals") {
    const [path, want] = args;
    const got = lookup(doc, path);
    return got === want ? null : `${shown(path)} is ${describe(got)}, expected \`${want}\``;
  }
  if (rule === "one_of") {
    const [path, values] = args;
    const got = lookup(doc, path);
    return typeof got === "string" && values.includes(got)
      ? null
      : `${shown(path)} is ${describe(got)}, expected one of: ${values.join(", ")}`;
  }
  if (rule === "not_one_of") {
    const [path, values] = args;
    const got = lookup(doc, path);
    if (typeof got === "string" && values.includes(got)) return `${shown(path)} is \`${got}\``;
    return got === undefined ? `${shown(path)} is missing` : null;
  }
  if (rule === "matches") {
    const [a, b] = args;
    const x = lookup(doc, a);
    return !same(x, lookup(doc, b)) || isEmpty(x) ? `${shown(a)} does not match ${shown(b)}` : null;
  }
  if (rule === "present") {
    const missing = args.filter((p) => isEmpty(lookup(doc, p))).map(shown);
    return missing.length ? `missing ${missing.join(", ")}` : null;
  }
  if (rule === "absent") {
    const present = args.filter((p) => !isEmpty(lookup(doc, p))).map(shown);
    return present.length ? `unexpected ${present.join(", ")}` : null;
  }
  return `unknown rule ${rule}`;
}

/** `{status: "ready"|"blocked", blockers}` of `doc` under the gates of `contract`. */
function evaluate(contract, doc) {
  const blockers = [];
  for (const gate of gateRules[contract] || []) {
    const applies = gate.cases.find((c) => c.when === null || failure(doc, c.when) === null);
    if (!applies) continue;
    const failures = applies.conditions.map((c) => failure(doc, c)).filter((f) => f !== null);
    if (failures.length) blockers.push(`${gate.text}: ${failures.join("; ")}`);
  }
  return { status: blockers.length ? "blocked" : "ready", blockers };
}

// ---- Operation forms: the request body, built as the form is edited.

/** A control's value as the body carries it: a number for an integer, else its text. */
function itemValue(control, kind) {
  const raw = control.value;
  if (kind === "integer") return raw.trim() === "" ? undefined : Number(raw);
  return raw;
}

/** The HTTP body a form spells: every key it holds, in form order. */
function bodyOf(form) {
  const body = {};
  for (const field of form.querySelectorAll("[data-input]")) {
    const name = field.dataset.input;
    const kind = field.dataset.kind;
    // An input the body may leave out (a default, or optional) is left out when emptied.
    const omit = field.dataset.required !== "true";
    if (kind === "list") {
      // The rows are the value: no rows is an empty list, not the default.
      body[name] = [...field.querySelectorAll(".rows [data-item]")]
        .map((c) => itemValue(c, field.dataset.itemKind))
        .filter((v) => v !== undefined && v !== "");
      continue;
    }
    const control = field.querySelector("[data-control]");
    if (kind === "bool") {
      body[name] = control.checked;
      continue;
    }
    const value = itemValue(control, kind);
    if ((value === undefined || value === "") && omit) continue;
    body[name] = value === undefined ? "" : value;
  }
  return body;
}

function refresh(form) {
  form.querySelector('code[data-part="body"]').textContent = JSON.stringify(bodyOf(form), null, 2);
}

function renumber(field) {
  const name = field.dataset.input;
  field.querySelectorAll(".rows li").forEach((row, i) => {
    row.querySelector("[data-item]").setAttribute("aria-label", `${name} item ${i + 1}`);
    row.querySelector("button.remove").setAttribute("aria-label", `Remove ${name} item ${i + 1}`);
  });
}

function onFormClick(event) {
  const button = event.target.closest("button");
  if (!button || !event.currentTarget.contains(button)) return;
  const field = button.closest("[data-input]");
  if (button.classList.contains("add")) {
    const row = field.querySelector("template").content.firstElementChild.cloneNode(true);
    field.querySelector(".rows").appendChild(row);
    renumber(field);
    row.querySelector("[data-item]").focus();
  } else if (button.classList.contains("remove")) {
    const row = button.closest("li");
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber(field);
    (next ? next.querySelector("[data-item]") : field.querySelector("button.add")).focus();
  } else {
    return;
  }
  refresh(event.currentTarget);
}

/** The input a problem's path names: its last field name (`payload.required_checks[1]`). */
function fieldOf(form, path) {
  const match = /([A-Za-z0-9_]+)(?:\[\d+\])*$/.exec(path || "");
  return match ? form.querySelector(`[data-input="${match[1]}"]`) : null;
}

function clearProblems(form) {
  form.querySelectorAll("[data-error-for]").forEach((p) => (p.textContent = ""));
  form.querySelectorAll("[aria-invalid]").forEach((c) => c.removeAttribute("aria-invalid"));
  form.querySelector('[data-part="problems"]').replaceChildren();
}

function showProblems(form, problems) {
  const list = document.createElement("ul");
  for (const problem of problems) {
    const field = fieldOf(form, problem.path);
    if (field) {
      const error = field.querySelector("[data-error-for]");
      error.textContent = error.textContent ? `${error.textContent} ${problem.message}` : problem.message;
      field.querySelectorAll("[data-control], [data-item]").forEach((c) => c.setAttribute("aria-invalid", "true"));
    }
    const item = document.createElement("li");
    item.textContent = `${problem.path}: ${problem.message}`;
    list.appendChild(item);
  }
  form.querySelector('[data-part="problems"]').appendChild(list);
}

function show(section, part, value) {
  const code = section.querySelector(`code[data-part="${part}"]`);
  if (code) code.textContent = JSON.stringify(value, null, 2);
}

/** Sends a section's body (its form's, or the example it was written with); true on 200. A
 * form says when the API could not be reached or did not answer JSON. */
async function send(section) {
  try {
    return await exchange(section);
  } catch (error) {
    const status = section.querySelector('form.try [data-part="send-status"]');
    if (status) {
      status.textContent = `The API did not answer: ${error.message || error}.`;
      status.dataset.outcome = "failed";
    }
    throw error;
  }
}

async function exchange(section) {
  const form = section.querySelector("form.try");
  const route = (api && api.endpoints[section.id]) || section.dataset.route;
  const init = section.dataset.method === "GET" ? {} : {
    method: section.dataset.method,
    headers: { "content-type": "application/json" },
    body: form ? JSON.stringify(bodyOf(form)) : section.dataset.body,
  };
  const status = form && form.querySelector('[data-part="send-status"]');
  if (form) {
    clearProblems(form);
    status.textContent = "Sending…";
    status.dataset.outcome = "sending";
  }
  const answer = await fetch(route, init);
  const doc = await answer.json();
  if (!answer.ok) {
    if (form) {
      const problems = Array.isArray(doc.problems) ? doc.problems : [];
      showProblems(form, problems.length ? problems : [{ path: "", message: doc.detail || doc.title }]);
      status.textContent = `The API refused the request (${answer.status}): ${problems.length || 1} problem(s), shown at their fields.`;
      status.dataset.outcome = "refused";
      return false;
    }
    throw new Error(doc.title || answer.statusText);
  }
  if (doc.request && doc.response) {
    show(section, "request", doc.request);
    show(section, "response", doc.response);
    const strong = section.querySelector("[data-part=status]");
    if (strong) strong.textContent = doc.response.status;
  } else {
    show(section, "description", doc);
  }
  if (status) {
    status.textContent = `Sent: the API answered ${answer.status}; the request and response below are its.`;
    status.dataset.outcome = "sent";
  }
  section.dataset.source = "api";
  return true;
}

for (const form of document.querySelectorAll("form.try")) {
  form.addEventListener("input", (event) => {
    // An edited field's old problem no longer stands.
    const field = event.target.closest("[data-input]");
    if (field) {
      field.querySelector("[data-error-for]").textContent = "";
      field.querySelectorAll("[aria-invalid]").forEach((c) => c.removeAttribute("aria-invalid"));
    }
    refresh(form);
  });
  form.addEventListener("change", () => refresh(form));
  form.addEventListener("click", onFormClick);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (api) send(form.closest("section")).catch(() => {});
  });
  refresh(form);
}

// ---- Evidence panes: ready or blocked, judged by the API when served, else by the gates here.

function showVerdict(pane, verdict, source) {
  const out = pane.querySelector('[data-part="verdict"]');
  const heading = document.createElement("p");
  const strong = document.createElement("strong");
  strong.textContent = verdict.status;
  heading.append(`${verdict.contract || pane.dataset.contract}: `, strong);
  const list = document.createElement("ul");
  for (const line of verdict.blockers || verdict.problems || []) {
    const item = document.createElement("li");
    item.textContent = line;
    list.appendChild(item);
  }
  const by = document.createElement("p");
  by.className = "by";
  by.textContent = source;
  out.replaceChildren(heading, list, by);
  out.dataset.status = verdict.status;
}

async function judge(pane) {
  const text = pane.querySelector("textarea").value;
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    showVerdict(pane, { status: "unreadable", problems: [`not a JSON document: ${e.message}`] }, "Read in this page.");
    return;
  }
  if (api) {
    const answer = await fetch(api.gate, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: text,
    });
    const report = await answer.json();
    if (answer.ok) {
      showVerdict(pane, report, "Judged by the CAVRA API (`POST /console/gate`), as `cavra gate` judges it.");
    } else {
      const problems = (report.problems || []).map((p) => `${p.path}: ${p.message}`);
      showVerdict(pane, { status: "invalid", problems: problems.length ? problems : [report.detail] }, "Refused by the CAVRA API: not a valid evidence document.");
    }
    return;
  }
  const contract = doc && typeof doc === "object" ? doc.contract : undefined;
  if (!Object.prototype.hasOwnProperty.call(gateRules, contract)) {
    const names = Object.keys(gateRules).join(", ");
    showVerdict(pane, { status: "invalid", problems: [`contract must be one of: ${names}`] }, "Read in this page.");
    return;
  }
  showVerdict(pane, { contract, ...evaluate(contract, doc) },
    "Judged in this page by the contract's gate rules; the document's shape is checked only by the API or `cavra gate`.");
}

for (const pane of document.querySelectorAll("[data-contract]")) {
  pane.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    judge(pane).catch((e) => showVerdict(pane, { status: "unreadable", problems: [String(e)] }, "The API did not answer."));
  });
  pane.querySelector('input[type="file"]').addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (file) pane.querySelector("textarea").value = await file.text();
  });
}

/** For tests and the curious: the page's own gate evaluation and form bodies. */
window.cavraConsole = { evaluate, bodyOf, send };

// ---- Served by `cavra serve`: ask the API for every document and enable sending.
(async () => {
  const banner = document.getElementById("source");
  if (!location.protocol.startsWith("http")) return;
  try {
    const config = await fetch("/console/config");
    if (!config.ok) return;
    const found = await config.json();
    api = { endpoints: found.endpoints || {}, gate: found.gate || "/console/gate" };
  } catch (_) {
    return;
  }
  for (const status of document.querySelectorAll('[data-part="send-status"]')) {
    status.textContent = `Sending to the CAVRA API at ${location.host}.`;
  }
  for (const button of document.querySelectorAll("form.try button[type=submit]")) button.disabled = false;
  let live = 0;
  let missed = 0;
  for (const section of document.querySelectorAll("section[data-route]")) {
    try {
      if (await send(section)) live += 1;
      else missed += 1;
    } catch (_) {
      missed += 1;
    }
  }
  if (live > 0) {
    banner.dataset.source = missed ? "mixed" : "api";
    banner.textContent = missed
      ? `Live from the CAVRA API at ${location.host}, except ${missed} section(s) showing the synthetic preview.`
      : `Live from the CAVRA API at ${location.host}.`;
  }
  document.body.dataset.ready = "true";
})().finally(() => {
  document.body.dataset.ready = "true";
});
